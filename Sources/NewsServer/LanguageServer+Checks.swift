#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSONRPC
import LanguageServerProtocol
import NewsAnalysis

extension LanguageServer {
  /// The settings from the editor (`initializationOptions`, then `workspace/configuration` or
  /// `didChangeConfiguration`), as Dateline reads them; settings it cannot read are reported once
  /// and left out.
  func editorSettings() -> DatelineSettings {
    if let cached = checkState.editorSettings { return cached }
    var result = DatelineSettings()
    let merged = settings.merged
    do {
      let data = try JSONEncoder().encode(merged)
      result = try DatelineSettings.decode(Array(data))
    } catch {
      report("Dateline settings ignored: \(error)")
    }
    checkState.editorSettings = result
    return result
  }

  /// The configuration files of the workspace folder holding `uri` (read once, until they change).
  func workspaceConfiguration(for uri: DocumentURI) -> WorkspaceConfiguration? {
    guard let path = FileURI.path(of: uri) else { return nil }
    let folders = client.workspaceFolders.compactMap { FileURI.path(of: $0.uri) }
    let root = folders.filter { path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }.max { $0.count < $1.count }
      ?? WorkspaceConfiguration.root(forFile: path)
    if let known = checkState.workspaces[root] { return known }
    let configuration = WorkspaceConfiguration.load(root: root)
    if let error = configuration.settingsError {
      report("\(root)/\(WorkspaceConfiguration.settingsFileName) ignored: \(error.message)")
    }
    publishSettingsDiagnostics(configuration)
    checkState.workspaces[root] = configuration
    return configuration
  }

  /// What the checks of a document need: its settings (workspace file, then editor), its
  /// dictionaries, the workspace dictionary and the words ignored in it.
  func checkSetup(for uri: DocumentURI, declaredLanguage: String?) -> CheckSetup {
    let workspace = workspaceConfiguration(for: uri)
    let settings = editorSettings().over(workspace?.settings ?? DatelineSettings())
    var languages = settings.languages ?? ["fr", "en"]
    for extra in [settings.language, declaredLanguage].compactMap({ $0 }) where extra.lowercased() != "auto" {
      if !languages.contains(where: { LanguageCode.base($0) == LanguageCode.base(extra) }) { languages.append(extra) }
    }
    let dictionaries = languages.compactMap { language -> SpellingDictionary? in
      let path = settings.dictionaryPath(for: language, root: workspace?.root)
      switch dictionaryStore.dictionary(for: language, configuredPath: path) {
      case .success(let dictionary): return dictionary
      case .failure(let error):
        if checkState.reportedFailures.insert(language).inserted { report("Dateline: \(error.message)") }
        return nil
      }
    }
    return CheckSetup(
      dictionaries: dictionaries, settings: settings, workspaceWords: workspace?.words ?? [],
      documentIgnoredWords: checkState.ignoredWords[uri] ?? [])
  }

  /// A problem the user should know about: on stderr and as a message in the editor.
  func report(_ message: String) {
    logger.error(message)
    connection.send(
      notification: ShowMessageNotification.method, params: ShowMessageNotification(type: .warning, message: message))
  }

  /// Settings, workspace files or ignored words changed: every open document is checked again.
  func recheckAllDocuments() {
    checkState.generation += 1
    analyses = [:]
    for uri in documents.keys { scheduleDiagnostics(for: uri) }
    if client.supportsPullDiagnostics && client.capabilities.supportsDiagnosticRefresh {
      connection.sendRequest(method: "workspace/diagnostic/refresh") { _ in }
    }
  }
}

/// What the server keeps for the checks, on its queue.
struct CheckState {
  /// Bumped whenever settings or word lists change; analyses of an older generation are stale.
  var generation = 0
  var editorSettings: DatelineSettings?
  var workspaces: [String: WorkspaceConfiguration] = [:]
  /// Words the user chose to ignore, per document, for this session.
  var ignoredWords: [DocumentURI: Set<String>] = [:]
  /// Languages whose missing dictionary was already reported.
  var reportedFailures: Set<String> = []
  /// `.dateline.json` files currently showing a problem.
  var settingsFilesWithProblems: Set<DocumentURI> = []
}
