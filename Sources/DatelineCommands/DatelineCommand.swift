import JSONRPC
import NewsAnalysis

/// What the command line asks for.
enum DatelineCommand: Equatable {
  case serve(logLevel: LogLevel)
  case version
  case help

  /// Parses the arguments after the program name.
  static func parse(_ arguments: [String]) throws(UsageError) -> DatelineCommand {
    var logLevel = LogLevel.warning
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
      switch argument {
      case "--version", "-V": return .version
      case "--help", "-h": return .help
      case "--stdio", "serve": continue
      case "--log-level":
        guard let value = remaining.popFirst() else { throw UsageError(message: "--log-level needs a value") }
        guard let level = LogLevel(name: value) else {
          throw UsageError(message: "unknown log level '\(value)' (use error, warning, info or debug)")
        }
        logLevel = level
      default:
        if let value = argument.split(separator: "=", maxSplits: 1).last, argument.hasPrefix("--log-level=") {
          guard let level = LogLevel(name: String(value)) else {
            throw UsageError(message: "unknown log level '\(value)' (use error, warning, info or debug)")
          }
          logLevel = level
        } else if argument.hasPrefix("-") {
          throw UsageError(message: "unknown option '\(argument)'")
        } else {
          throw UsageError(message: "unknown command '\(argument)'")
        }
      }
    }
    return .serve(logLevel: logLevel)
  }
}
