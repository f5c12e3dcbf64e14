import Disco
import DiscoExamples
import Foundation
import Testing

@Suite struct TaskItemTests {
    @Test func aTaskMovesThroughItsLifecycle() async throws {
        let tasks = try await startExamples()
        let task = try await tasks.dispatch("create_task", ["title": "Write the docs"])
        #expect(task["status"] == "todo")
        #expect(task["priority"] == 3)
        #expect(task["assignee"] == .null)
        await #expect(throws: DispatchError.rejected(["status": ["needs an assignee first"]])) {
            try await tasks.dispatch("change_status", ["id": task.idParam, "status": "in_progress"])
        }
        try await tasks.dispatch("assign", ["id": task.idParam, "assignee": "grace"])
        try await tasks.dispatch("change_status", ["id": task.idParam, "status": "in_progress"])
        await #expect(throws: DispatchError.rejected(["status": ["is the current status"]])) {
            try await tasks.dispatch("change_status", ["id": task.idParam, "status": "in_progress"])
        }
        try await tasks.dispatch("change_status", ["id": task.idParam, "status": "done"])
        await #expect(throws: DispatchError.rejected(["base": ["task is done"]])) {
            try await tasks.dispatch("assign", ["id": task.idParam, "assignee": "ada"])
        }
    }

    @Test func statusesComeFromAFixedSet() async throws {
        let tasks = try await startExamples()
        let task = try await tasks.dispatch("create_task", ["title": "Ship"])
        await #expect(
            throws: DispatchError.invalidParams(["status": [#"must be one of ["todo", "in_progress", "blocked", "done"]"#]])
        ) {
            try await tasks.dispatch("change_status", ["id": task.idParam, "status": "finished"])
        }
        await #expect(
            throws: QueryError.invalidParams(["status": [#"must be one of ["todo", "in_progress", "blocked", "done"]"#]])
        ) {
            try await tasks.query("tasks_by_status", ["status": "later"])
        }
    }

    @Test func tagsAreUniqueAndFormatted() async throws {
        let tasks = try await startExamples()
        let task = try await tasks.dispatch("create_task", ["title": "Tag me", "priority": 5])
        try await tasks.dispatch("tag", ["id": task.idParam, "tag": "docs-v2"])
        await #expect(throws: DispatchError.rejected(["tag": ["is already on the task"]])) {
            try await tasks.dispatch("tag", ["id": task.idParam, "tag": "docs-v2"])
        }
        await #expect(throws: DispatchError.invalidParams(["tag": ["must be lowercase words joined by dashes"]])) {
            try await tasks.dispatch("tag", ["id": task.idParam, "tag": "Docs V2"])
        }
    }

    @Test func queriesMatchOptionalAndPlainFields() async throws {
        let tasks = try await startExamples()
        let first = try await tasks.dispatch("create_task", ["title": "One"])
        let second = try await tasks.dispatch("create_task", ["title": "Two"])
        try await tasks.dispatch("assign", ["id": second.idParam, "assignee": "ada"])
        #expect(try await tasks.query("tasks_of_assignee", ["assignee": "ada"]).states.map(\.id) == [second.id])
        #expect(try await tasks.query("tasks_by_status", ["status": "todo"]).states.map(\.id) == [first.id, second.id])
        await #expect(throws: DispatchError.invalidParams(["priority": ["must be a number greater than or equal to 1"]])) {
            try await tasks.dispatch("create_task", ["title": "Zero", "priority": 0])
        }
    }
}
