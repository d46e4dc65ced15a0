import JSONRPC
import NewsAnalysis

/// How the command-line checker prints.
enum OutputFormat: String, Equatable {
  case text, json
}

/// What the command line asks for.
enum DatelineCommand: Equatable {
  case serve(logLevel: LogLevel)
  case check(files: [String], format: OutputFormat, failOn: Severity?)
  case outline(files: [String], format: OutputFormat)
  case dictionaries(languages: [String], format: OutputFormat, licences: Bool)
  case version
  case help

  /// Parses the arguments after the program name.
  static func parse(_ arguments: [String]) throws(UsageError) -> DatelineCommand {
    guard let first = arguments.first else { return .serve(logLevel: .warning) }
    switch first {
    case "check": return try parseCheck(Array(arguments.dropFirst()))
    case "outline": return try parseOutline(Array(arguments.dropFirst()))
    case "dictionaries": return try parseDictionaries(Array(arguments.dropFirst()))
    case "serve": return try parseServe(Array(arguments.dropFirst()))
    default: return try parseServe(arguments)
    }
  }

  private static func parseServe(_ arguments: [String]) throws(UsageError) -> DatelineCommand {
    var logLevel = LogLevel.warning
    var options = OptionReader(arguments)
    while let argument = options.next() {
      switch argument {
      case "--version", "-V": return .version
      case "--help", "-h": return .help
      case "--stdio": continue
      case "--log-level":
        let value = try options.value(for: argument)
        guard let level = LogLevel(name: value) else {
          throw UsageError(message: "unknown log level '\(value)' (use error, warning, info or debug)")
        }
        logLevel = level
      default:
        throw UsageError(message: argument.hasPrefix("-") ? "unknown option '\(argument)'" : "unknown command '\(argument)'")
      }
    }
    return .serve(logLevel: logLevel)
  }

  private static func parseCheck(_ arguments: [String]) throws(UsageError) -> DatelineCommand {
    var files: [String] = []
    var format = OutputFormat.text
    var failOn: Severity? = .warning
    var options = OptionReader(arguments)
    while let argument = options.next() {
      switch argument {
      case "--help", "-h": return .help
      case "--format": format = try parseFormat(options.value(for: argument))
      case "--fail-on":
        let value = try options.value(for: argument)
        if value == "never" {
          failOn = nil
        } else if let severity = Severity(rawValue: value == "info" ? "information" : value) {
          failOn = severity
        } else {
          throw UsageError(message: "unknown severity '\(value)' (use error, warning, information, hint or never)")
        }
      case "--":
        files += options.rest()
      default:
        if argument.hasPrefix("-") && argument != "-" { throw UsageError(message: "unknown option '\(argument)'") }
        files.append(argument)
      }
    }
    guard !files.isEmpty else { throw UsageError(message: "check needs at least one file") }
    return .check(files: files, format: format, failOn: failOn)
  }

  private static func parseOutline(_ arguments: [String]) throws(UsageError) -> DatelineCommand {
    var files: [String] = []
    var format = OutputFormat.text
    var options = OptionReader(arguments)
    while let argument = options.next() {
      switch argument {
      case "--help", "-h": return .help
      case "--format": format = try parseFormat(options.value(for: argument))
      case "--": files += options.rest()
      default:
        if argument.hasPrefix("-") { throw UsageError(message: "unknown option '\(argument)'") }
        files.append(argument)
      }
    }
    guard !files.isEmpty else { throw UsageError(message: "outline needs a file") }
    return .outline(files: files, format: format)
  }

  private static func parseDictionaries(_ arguments: [String]) throws(UsageError) -> DatelineCommand {
    var languages: [String] = []
    var format = OutputFormat.text
    var licences = false
    var options = OptionReader(arguments)
    while let argument = options.next() {
      switch argument {
      case "--help", "-h": return .help
      case "--format": format = try parseFormat(options.value(for: argument))
      case "--licences", "--licenses": licences = true
      case "--": languages += options.rest()
      default:
        if argument.hasPrefix("-") { throw UsageError(message: "unknown option '\(argument)'") }
        languages.append(argument)
      }
    }
    return .dictionaries(languages: languages, format: format, licences: licences)
  }

  private static func parseFormat(_ value: String) throws(UsageError) -> OutputFormat {
    guard let format = OutputFormat(rawValue: value) else {
      throw UsageError(message: "unknown format '\(value)' (use text or json)")
    }
    return format
  }
}

/// Walks command-line arguments, splitting `--name=value` into a name and its value.
struct OptionReader {
  private var arguments: ArraySlice<String>
  private var pendingValue: String?

  init(_ arguments: [String]) { self.arguments = arguments[...] }

  mutating func next() -> String? {
    guard let argument = arguments.popFirst() else { return nil }
    if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
      pendingValue = String(argument[argument.index(after: equals)...])
      return String(argument[..<equals])
    }
    return argument
  }

  /// The value of the option just read, from `--name=value` or the next argument.
  mutating func value(for option: String) throws(UsageError) -> String {
    if let value = pendingValue {
      pendingValue = nil
      return value
    }
    guard let value = arguments.popFirst() else { throw UsageError(message: "\(option) needs a value") }
    return value
  }

  mutating func rest() -> [String] {
    defer { arguments = [] }
    return Array(arguments)
  }
}
