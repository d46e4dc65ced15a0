#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONRPC
import LanguageServerProtocol
import NewsAnalysis

extension LanguageServer {
  /// Shows the problem of a workspace's `.dateline.json` on that file (open or not), or clears it.
  func publishSettingsDiagnostics(_ configuration: WorkspaceConfiguration) {
    let path = "\(configuration.root)/\(WorkspaceConfiguration.settingsFileName)"
    let uri = FileURI.uri(forPath: path)
    var diagnostics: [Diagnostic] = []
    if let error = configuration.settingsError {
      let text = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
      let document = Document(uri: uri, languageId: "json", version: 0, text: text)
      let offsets = Self.offsets(ofKeyIn: error.message, text: text) ?? 0..<min(text.utf8.count, firstLineLength(text))
      diagnostics.append(Diagnostic(
        range: range(offsets, in: document), severity: .error, code: "settings", source: "dateline",
        message: "Dateline settings not applied: \(error.message)"))
    } else if !checkState.settingsFilesWithProblems.contains(uri) {
      return  // nothing shown before, nothing to clear
    }
    if diagnostics.isEmpty { checkState.settingsFilesWithProblems.remove(uri) } else { checkState.settingsFilesWithProblems.insert(uri) }
    connection.send(
      notification: PublishDiagnosticsNotification.method,
      params: PublishDiagnosticsNotification(uri: uri, version: nil, diagnostics: diagnostics))
  }

  /// Where the member named in quotes in `message` (`unknown setting 'langage'`) is written.
  static func offsets(ofKeyIn message: String, text: String) -> Range<Int>? {
    let parts = message.split(separator: "'", omittingEmptySubsequences: false)
    guard parts.count >= 3 else { return nil }
    let needle = Array("\"\(parts[1])\"".utf8)
    let haystack = Array(text.utf8)
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
      return start..<(start + needle.count)
    }
    return nil
  }

  private func firstLineLength(_ text: String) -> Int {
    text.utf8.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) }
      ?? text.utf8.count
  }

  /// Asks the client to tell when `.dateline.json` or a workspace dictionary changes on disk.
  func registerForWorkspaceFileChanges() {
    guard client.capabilities.supportsWatchedFilesRegistration else { return }
    let options: JSONValue = [
      "watchers": [
        ["globPattern": .string("**/" + WorkspaceConfiguration.settingsFileName)],
        ["globPattern": .string("**/" + WorkspaceConfiguration.dictionaryPath)],
      ]
    ]
    let registration = RegisterCapabilityRequest.Registration(
      id: "dateline-workspace-files", method: DidChangeWatchedFilesNotification.method, registerOptions: options)
    connection.sendRequest(
      method: RegisterCapabilityRequest.method, params: RegisterCapabilityRequest(registrations: [registration])
    ) { [logger] result in
      if case .failure(let error) = result { logger.warning("client refused to watch workspace files: \(error.message)") }
    }
  }

  func didChangeWatchedFiles(_ notification: DidChangeWatchedFilesNotification) {
    for change in notification.changes {
      if let path = FileURI.path(of: change.uri) { workspaceFileChanged(path: path) }
    }
  }

  /// A workspace file changed on disk (`.dateline.json`, `.dateline/dictionary.txt`): read it again
  /// and check every open document with it.
  func workspaceFileChanged(path: String) {
    guard path.hasSuffix("/" + WorkspaceConfiguration.settingsFileName) || path.hasSuffix("/" + WorkspaceConfiguration.dictionaryPath)
    else { return }
    checkState.workspaces = [:]
    logger.info("\(path) changed; checking open documents again")
    recheckAllDocuments()
  }
}
