#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A workspace's own configuration: `.dateline.json` (settings) and `.dateline/dictionary.txt`
/// (the workspace dictionary, one word a line) in its root folder.
public struct WorkspaceConfiguration: Sendable, Equatable {
  public static let settingsFileName = ".dateline.json"
  public static let dictionaryPath = ".dateline/dictionary.txt"

  /// The root folder.
  public var root: String
  public var settings: DatelineSettings
  /// Why `.dateline.json` could not be used, if it could not; its settings are then ignored.
  public var settingsError: SettingsError?
  public var words: [String]

  public init(root: String, settings: DatelineSettings = DatelineSettings(), settingsError: SettingsError? = nil, words: [String] = []) {
    self.root = root
    self.settings = settings
    self.settingsError = settingsError
    self.words = words
  }

  /// Reads the configuration files of `root` (missing files are simply empty).
  public static func load(root: String) -> WorkspaceConfiguration {
    var configuration = WorkspaceConfiguration(root: root)
    let settingsPath = "\(root)/\(settingsFileName)"
    if let data = FileManager.default.contents(atPath: settingsPath) {
      do {
        configuration.settings = try DatelineSettings.decode(Array(data))
      } catch {
        configuration.settingsError = error
      }
    }
    if let data = FileManager.default.contents(atPath: "\(root)/\(dictionaryPath)") {
      configuration.words = parseWordList(String(decoding: data, as: UTF8.self))
    }
    return configuration
  }

  /// Words of a word list: one a line; blank lines and lines starting with `#` are skipped.
  public static func parseWordList(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).compactMap { line in
      let word = String(String(line).trimmingSpaces)
      return word.isEmpty || word.hasPrefix("#") ? nil : word
    }
  }

  /// The folder a file's workspace starts at: the nearest ancestor holding `.dateline.json`,
  /// `.dateline/` or `.git`; the file's own folder when there is none.
  public static func root(forFile path: String) -> String {
    let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var components = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    components.removeLast()
    let ownFolder = "/" + components.joined(separator: "/")
    while true {
      let folder = "/" + components.joined(separator: "/")
      for marker in [settingsFileName, ".dateline", ".git"] where FileManager.default.fileExists(atPath: "\(folder)/\(marker)") {
        return folder
      }
      if components.isEmpty { return ownFolder }
      components.removeLast()
    }
  }

  /// Adds `word` to the workspace dictionary of `root`, creating it if needed. The file is replaced
  /// atomically (written beside it, then renamed), so a crash never leaves half a list.
  public static func addWord(_ word: String, root: String) throws {
    let path = "\(root)/\(dictionaryPath)"
    let folder = "\(root)/.dateline"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var text = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    if parseWordList(text).contains(word) { return }
    if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
    text += word + "\n"
    let temporary = "\(folder)/.dictionary.txt.\(ProcessInfo.processInfo.processIdentifier).tmp"
    guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
      throw SettingsError("cannot write \(temporary)")
    }
    // rename(2) replaces the old list in one step.
    guard rename(temporary, path) == 0 else {
      try? FileManager.default.removeItem(atPath: temporary)
      throw SettingsError("cannot replace \(path)")
    }
  }
}
