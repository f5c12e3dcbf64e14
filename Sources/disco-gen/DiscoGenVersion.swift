/// The version of disco-gen, printed by `--version` (never written into generated code).
enum DiscoGenVersion {
    static let current = "0.1.0"
}
