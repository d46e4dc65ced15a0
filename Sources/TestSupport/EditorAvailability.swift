import Foundation
import Testing

/// An editor that end-to-end tests drive (`nvim`, `vim`, `code`): where its executable is, and what
/// to do when it is missing. Locally a missing editor skips the test with a message; when the
/// environment variable `CI` is set (and not `false` or `0`) the test runs and fails instead, so a CI
/// image without the editor cannot pass silently.
///
///     @Test(EditorAvailability.neovim.enabled) func session() throws {
///       let nvim = try EditorAvailability.neovim.require()
///       …
///     }
public struct EditorExecutable: Sendable {
  /// The executable's name, looked up on `PATH`.
  public let name: String
  /// What to do to get it, for the skip or failure message.
  public let installHint: String
  /// An environment variable that, when set, names the executable to use instead (another version).
  public let overrideVariable: String?

  public init(name: String, installHint: String, overrideVariable: String? = nil) {
    self.name = name
    self.installHint = installHint
    self.overrideVariable = overrideVariable
  }

  /// The executable: the override variable's value if set, else the first match on `PATH`.
  public var url: URL? {
    let environment = ProcessInfo.processInfo.environment
    if let overrideVariable, let path = environment[overrideVariable], !path.isEmpty {
      return FileManager.default.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
    }
    return EditorAvailability.find(name, path: environment["PATH"])
  }

  /// "nvim not found: install neovim (…)".
  public var missingMessage: String {
    var message = "\(name) not found: \(installHint)"
    if let overrideVariable { message += " (or set \(overrideVariable) to its path)" }
    return message
  }

  /// The test trait: enabled when the editor is there, and always under CI (where `require()` then
  /// fails); disabled with `missingMessage` otherwise.
  public var enabled: ConditionTrait {
    let found = url != nil
    return .enabled(if: found || EditorAvailability.isCI, Comment(rawValue: missingMessage))
  }

  /// The executable; when it is missing, one issue recorded with `missingMessage` and an error thrown.
  public func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
    let found = url
    let message = EditorAvailability.isCI ? "\(missingMessage) [CI is set: failing instead of skipping]" : missingMessage
    return try #require(found, Comment(rawValue: message), sourceLocation: sourceLocation)
  }
}

/// The editors the end-to-end tests know, and the CI switch.
public enum EditorAvailability {
  /// Neovim; `DATELINE_NVIM=/path/to/nvim` picks another build.
  public static let neovim = EditorExecutable(
    name: "nvim", installHint: "install neovim (apt-get install neovim) or run .ci/run",
    overrideVariable: "DATELINE_NVIM")

  /// Vim 9 (with +channel, as Debian's `vim` package); `DATELINE_VIM=/path/to/vim` picks another build.
  public static let vim = EditorExecutable(
    name: "vim", installHint: "install vim (apt-get install vim) or run .ci/run", overrideVariable: "DATELINE_VIM")

  /// Whether the environment variable `CI` is set to something other than empty, `false` or `0`.
  public static var isCI: Bool {
    guard let value = ProcessInfo.processInfo.environment["CI"] else { return false }
    return !["", "0", "false", "no"].contains(value.lowercased())
  }

  /// The first executable named `name` in the colon-separated `path`.
  public static func find(_ name: String, path: String?) -> URL? {
    for directory in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where !directory.isEmpty {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }
}
