import Disco
import DiscoExamples
import DiscoHTTP
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Text from specs, params and events is escaped everywhere; posts from other sites are refused.
@Suite struct ConsoleSafetyTests {
    func hostile() async throws -> ConsoleHTTP {
        try await ConsoleHTTP([HostileText.self], document: repositoryFile("Tests/Fixtures/OpenAPI/hostile_text.json"))
    }

    @Test func theTextsOfAHostileSpecAreEscaped() async throws {
        let http = try await hostile()
        try await http.test { client in
            try await client.execute(uri: "/console", method: .get) { response in
                let page = text(response)
                #expect(
                    page.contains(
                        "Quotes &quot; and backslashes \\ and \\(interpolation) and &quot;&quot;&quot; and #&quot;raw&quot;#"
                    )
                )
                #expect(page.contains("third line */ /* ünïcödé 日本 🎉"))
            }
            try await client.execute(uri: "/console/commands/in", method: .get) { response in
                let page = text(response)
                #expect(page.contains(#"<option value="a&quot;b">a&quot;b</option>"#))
                #expect(page.contains(#"<option value="e\(f)">e\(f)</option>"#))
                #expect(page.contains(#"data-field="for""#))
            }
            try await client.execute(uri: "/console/commands/create", method: .get) { response in
                let note = try #require(control(text(response), "note"))
                #expect(note.contains(#"value="it&#39;s &quot;fine&quot; \n""#))
                #expect(note.contains(#"pattern="^(?:^[a-z&quot;\\]+(\(x\))?$)$""#))
            }
        }
    }

    @Test func hostileMessagesAndValuesAreEscapedBesideTheirFields() async throws {
        let http = try await hostile()
        let typed = #""><script>alert(1)</script>"#
        try await http.test { client in
            try await client.execute(
                uri: "/console/commands/create",
                method: .post,
                headers: formHeaders,
                body: form(["default": typed, "class": "-1", "note": ""])
            ) { response in
                #expect(response.status == .unprocessableContent)
                let page = text(response)
                #expect(!page.contains("<script>alert"))
                let value = try #require(control(page, "default"))
                #expect(value.contains(#"value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;""#))
                // A control character, which HTML does not allow, is shown as U+FFFD.
                let classField = try #require(field(page, "class"))
                #expect(classField.contains("<li>line one\nline two\ttabbed \u{FFFD} control</li>"))
                #expect(!page.unicodeScalars.contains("\u{1}"))
            }
        }
        #expect(try await http.store.headPosition() == 0)
    }

    @Test func hostileStatesAndEventsAreEscaped() async throws {
        let http = try await hostile()
        let created = try await http.orchestrator.dispatch(
            "create",
            ["default": "<script>alert(1)</script>", "class": 1]
        )
        let id = created.id.uuidString.lowercased()
        try await http.test { client in
            for uri in ["/console/streams", "/console/streams/HostileText/\(id)"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let page = text(response)
                    #expect(response.status == .ok)
                    #expect(!page.contains("<script>alert"), "\(uri)")
                    #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(uri)")
                }
            }
            try await client.execute(
                uri: "/console/queries/by_default",
                method: .post,
                headers: formHeaders,
                body: form(["default": "<script>alert(1)</script>"])
            ) { response in
                let page = text(response)
                #expect(page.contains("1 HostileText matches."))
                #expect(page.contains("<tr><th>default</th><td>&lt;script&gt;alert(1)&lt;/script&gt;</td></tr>"))
                #expect(!page.contains("<script>alert"))
            }
        }
    }

    @Test func postsFromAnotherSiteAreRefusedAndRecordNothing() async throws {
        let http = try await ConsoleHTTP()
        let crossSite: [HTTPFields] = [
            [.contentType: "application/x-www-form-urlencoded", .origin: "http://evil.example"],
            [.contentType: "application/x-www-form-urlencoded", .origin: "null"],
            [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("Sec-Fetch-Site")!: "cross-site"],
            [
                .contentType: "application/x-www-form-urlencoded", .origin: "http://localhost",
                HTTPField.Name("Sec-Fetch-Site")!: "same-site",
            ],
        ]
        try await http.test { client in
            for headers in crossSite {
                try await client.execute(
                    uri: "/console/commands/create_wallet",
                    method: .post,
                    headers: headers,
                    body: form(["user_id": userID])
                ) { response in
                    #expect(response.status == .forbidden, "\(headers)")
                    #expect(text(response).contains("the console only takes posts from its own pages"))
                }
            }
            try await client.execute(
                uri: "/console/queries/list_wallets",
                method: .post,
                headers: crossSite[0],
                body: form(["user_id": userID])
            ) { response in
                #expect(response.status == .forbidden)
            }
            // The same origin passes, with or without Sec-Fetch-Site.
            try await client.execute(
                uri: "/console/commands/create_wallet",
                method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .origin: "http://localhost"],
                body: form(["user_id": userID])
            ) { response in
                #expect(response.status == .ok)
            }
        }
        #expect(try await http.store.headPosition() == 1)
    }
}
