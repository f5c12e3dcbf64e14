import ArgumentParser
import Disco
import DiscoPostgres
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `disco`: exit code 0, 1 when the command failed (one line on standard error saying
/// what is wrong and what to do), 2 for a usage error.
@main
enum DiscoMain {
    static func main() async {
        // A closed pipe (`disco events | head`) ends the output quietly, not with a signal.
        signal(SIGPIPE, SIG_IGN)
        var command: any ParsableCommand
        do {
            command = try DiscoCommand.parseAsRoot()
        } catch {
            let code = DiscoCommand.exitCode(for: error)
            if code == .success { DiscoCommand.exit(withError: error) }
            FileHandle.standardError.write(Data((DiscoCommand.fullMessage(for: error) + "\n").utf8))
            exit(ToolError.usageExitCode)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            Output.standard.flush()
            exit(0)
        } catch let error as ToolError {
            Output.standard.flush()
            Console.error(error.message)
            exit(error.exitCode)
        } catch let error as ExitCode {
            Output.standard.flush()
            exit(error.rawValue)
        } catch {
            Output.standard.flush()
            Console.error(ToolError.describe(error))
            exit(1)
        }
    }
}
