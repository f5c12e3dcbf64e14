import Disco
import DiscoExamples
import Foundation
import Testing

@Suite struct ShoppingCartTests {
    let customer = Value.string(UUID().uuidString)

    @Test func addingItemsKeepsTheListAndTheTotal() async throws {
        let shop = try await startExamples()
        let cart = try await shop.dispatch("open_cart", ["customer_id": customer])
        try await shop.dispatch("add_item", ["id": cart.idParam, "sku": "ABC-1234", "price": 2.5, "quantity": 3])
        let after = try await shop.dispatch("add_item", ["id": cart.idParam, "sku": "XYZ-0001", "price": 1])
        #expect(after["items"] == ["ABC-1234", "XYZ-0001"])
        #expect(after["total"] == .decimal(Decimal(string: "8.5") ?? 0))
        let removed = try await shop.dispatch("remove_item", ["id": cart.idParam, "sku": "XYZ-0001", "price": 1])
        #expect(removed["items"] == ["ABC-1234"])
    }

    @Test func customMessagesReplaceTheDefaults() async throws {
        let shop = try await startExamples()
        let cart = try await shop.dispatch("open_cart", ["customer_id": customer])
        await #expect(
            throws: DispatchError.invalidParams([
                "sku": ["must look like ABC-1234"],
                "price": ["must be a number greater than 0"],
                "quantity": ["must be an integer"],
            ])
        ) {
            try await shop.dispatch("add_item", ["id": cart.idParam, "sku": "abc", "price": 0, "quantity": 1.5])
        }
        await #expect(throws: DispatchError.invalidParams(["sku": ["must look like ABC-1234"]])) {
            try await shop.dispatch("add_item", ["id": cart.idParam, "sku": 42, "price": 1])
        }
    }

    @Test func removingAnItemNotInTheCartIsRefused() async throws {
        let shop = try await startExamples()
        let cart = try await shop.dispatch("open_cart", ["customer_id": customer])
        await #expect(throws: DispatchError.rejected(["sku": ["is not in the cart"]])) {
            try await shop.dispatch("remove_item", ["id": cart.idParam, "sku": "ABC-1234", "price": 1])
        }
    }

    @Test func checkoutRecordsTheTimeAndClosesTheCart() async throws {
        let shop = try await startExamples()
        let cart = try await shop.dispatch("open_cart", ["customer_id": customer])
        await #expect(throws: DispatchError.rejected(["base": ["cart is empty"]])) {
            try await shop.dispatch("checkout", ["id": cart.idParam])
        }
        try await shop.dispatch("add_item", ["id": cart.idParam, "sku": "ABC-1234", "price": 2])
        await #expect(
            throws: DispatchError.invalidParams(["coupons": ["must have a length of no more than 3"]])
        ) {
            try await shop.dispatch("checkout", ["id": cart.idParam, "coupons": ["a", "b", "c", "d"]])
        }
        await #expect(throws: DispatchError.invalidParams(["coupons": ["item 1 must be a string"]])) {
            try await shop.dispatch("checkout", ["id": cart.idParam, "coupons": ["a", 2]])
        }
        let before = Date()
        let done = try await shop.dispatch("checkout", ["id": cart.idParam, "coupons": ["SPRING"]])
        #expect(done["checked_out"] == .bool(true))
        let checkedOutAt = done["checked_out_at"].flatMap { Date(value: $0) }
        #expect(checkedOutAt.map { $0.timeIntervalSince(before) > -1 } == true)
        #expect(try await shop.query("open_carts").states.isEmpty)
        await #expect(throws: DispatchError.rejected(["base": ["cart is checked out"]])) {
            try await shop.dispatch("add_item", ["id": cart.idParam, "sku": "ABC-1234", "price": 2])
        }
    }
}
