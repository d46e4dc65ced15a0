#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import JSONRPC
import NewsAnalysis

/// The `dateline` program: parses the command line and runs what it asks for.
public enum Entry {
  /// Runs the command named by `arguments` (without the program name); returns the exit code.
  public static func run(_ arguments: [String]) -> Int32 {
    let command: DatelineCommand
    do {
      command = try DatelineCommand.parse(arguments)
    } catch {
      writeStderr("dateline: \(error.message)\nRun 'dateline --help' for usage.\n")
      return 2
    }
    switch command {
    case .version:
      writeStdout("dateline \(DatelineVersion.current)\n")
      return 0
    case .help:
      writeStdout(Usage.text)
      return 0
    case .serve(let logLevel):
      return ServeCommand.run(logLevel: logLevel)
    case .check(let files, let format, let failOn):
      return CheckCommand.run(files: files, format: format, failOn: failOn)
    case .outline(let files, let format):
      return OutlineCommand.run(files: files, format: format)
    case .dictionaries(let languages, let format, let licences):
      return DictionariesCommand.run(languages: languages, format: format, licences: licences)
    }
  }
}

func writeStdout(_ text: String) {
  var text = text
  text.withUTF8 { buffer in
    var offset = 0
    while offset < buffer.count {
      let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
      if written <= 0 { return }
      offset += written
    }
  }
}

func writeStderr(_ text: String) {
  var text = text
  text.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
}
