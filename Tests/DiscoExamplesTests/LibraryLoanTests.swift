import Disco
import DiscoExamples
import Foundation
import Testing

@Suite struct LibraryLoanTests {
    let book = UUID()
    let member = UUID()
    let inAWeek = Date().addingTimeInterval(7 * 86_400)

    @Test func aLoanIsLentRenewedAndReturned() async throws {
        let library = try await startExamples()
        let loan = try await library.dispatch(
            "lend_book",
            ["book_id": Value(book), "member_id": Value(member), "due_at": Value(inAWeek)]
        )
        let renewed = try await library.dispatch(
            "renew",
            ["id": loan.idParam, "due_at": Value(inAWeek.addingTimeInterval(86_400))]
        )
        #expect(renewed["renewals"] == 1)
        let open = try await library.query("loan_of_book", ["book_id": Value(book)])
        #expect(open.states.map(\.id) == [loan.id])
        let returned = try await library.dispatch("return_book", ["id": loan.idParam])
        #expect(returned["returned_at"] != .null)
        #expect(returned.version == 3, "returned on time: no late event")
        #expect(try await library.query("loan_of_book", ["book_id": Value(book)]) == .one(nil))
        await #expect(throws: DispatchError.rejected(["base": ["book was already returned"]])) {
            try await library.dispatch("return_book", ["id": loan.idParam])
        }
    }

    @Test func dueDatesMustBeInTheFutureAndLater() async throws {
        let library = try await startExamples()
        await #expect(throws: DispatchError.rejected(["due_at": ["must be in the future"]])) {
            try await library.dispatch(
                "lend_book",
                ["book_id": Value(book), "member_id": Value(member), "due_at": "2001-01-01T00:00:00Z"]
            )
        }
        await #expect(throws: DispatchError.invalidParams(["due_at": ["must be an ISO 8601 date"]])) {
            try await library.dispatch("lend_book", ["book_id": Value(book), "member_id": Value(member), "due_at": "tomorrow"])
        }
        let loan = try await library.dispatch(
            "lend_book",
            ["book_id": Value(book), "member_id": Value(member), "due_at": Value(inAWeek)]
        )
        await #expect(throws: DispatchError.rejected(["due_at": ["must be later than the current due date"]])) {
            try await library.dispatch("renew", ["id": loan.idParam, "due_at": Value(inAWeek)])
        }
    }

    @Test func aLateReturnRecordsASecondEvent() throws {
        let id = UUID()
        let due = Date(timeIntervalSince1970: 1_000_000)
        let loan = LibraryLoan(id: id).applying([.bookLent(.init(bookId: book, memberId: member, dueAt: due))])
        let late = CommandContext(now: due.addingTimeInterval(60))
        let events = try loan.execute(.returnBook(.init(id: id)), context: late)
        #expect(events == [.bookReturned(.init(at: late.now)), .bookReturnedLate(.init(dueAt: due))])
        let onTime = CommandContext(now: due.addingTimeInterval(-60))
        #expect(try loan.execute(.returnBook(.init(id: id)), context: onTime) == [.bookReturned(.init(at: onTime.now))])
    }

    @Test func renewalsAreLimited() throws {
        let id = UUID()
        let due = Date().addingTimeInterval(86_400)
        let loan = LibraryLoan(id: id).applying([
            .bookLent(.init(bookId: book, memberId: member, dueAt: due)),
            .loanRenewed(.init(dueAt: due, renewals: 3)),
        ])
        #expect(throws: ValidationErrors(["base": ["cannot be renewed more than 3 times"]])) {
            try loan.execute(.renew(.init(id: id, dueAt: due.addingTimeInterval(60))), context: CommandContext())
        }
    }
}
