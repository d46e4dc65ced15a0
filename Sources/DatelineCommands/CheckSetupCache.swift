import Dispatch
import NewsAnalysis

/// The check setups of the files `dateline check` reads: one workspace configuration per root
/// folder, one dictionary per language, each read once and reported once when missing.
final class CheckSetupCache {
  private let store = DictionaryStore(loader: DictionaryLoading.standard)
  private var workspaces: [String: WorkspaceConfiguration] = [:]
  private var reported: Set<String> = []

  /// Starts loading, in the background, the dictionaries the file's workspace asks for, so that
  /// they load while the articles are read and parsed.
  func prepare(forFile path: String) {
    let root = WorkspaceConfiguration.root(forFile: path)
    let wanted = dictionaries(wantedBy: workspace(root: root).settings, root: root, declaredLanguage: nil)
    let store = self.store
    for (language, configuredPath) in wanted {
      DispatchQueue.global(qos: .userInitiated).async { _ = store.dictionary(for: language, configuredPath: configuredPath) }
    }
  }

  func setup(forFile path: String, declaredLanguage: String?) -> CheckSetup {
    let root = WorkspaceConfiguration.root(forFile: path)
    let workspace = workspace(root: root)
    let settings = workspace.settings
    let wanted = dictionaries(wantedBy: settings, root: root, declaredLanguage: declaredLanguage)
    // The languages load side by side (each on its own core), then are read from the store.
    let store = self.store
    DispatchQueue.concurrentPerform(iterations: wanted.count) { index in
      _ = store.dictionary(for: wanted[index].language, configuredPath: wanted[index].path)
    }
    let dictionaries = wanted.compactMap { language, path -> SpellingDictionary? in
      switch store.dictionary(for: language, configuredPath: path) {
      case .success(let dictionary): return dictionary
      case .failure(let error):
        if reported.insert("language:" + language).inserted { writeStderr("dateline: \(error.message)\n") }
        return nil
      }
    }
    return CheckSetup(dictionaries: dictionaries, settings: settings, workspaceWords: workspace.words)
  }

  /// The workspace configuration of a root folder, read once (a bad settings file is reported once).
  private func workspace(root: String) -> WorkspaceConfiguration {
    if let known = workspaces[root] { return known }
    let loaded = WorkspaceConfiguration.load(root: root)
    if let error = loaded.settingsError, reported.insert(root).inserted {
      writeStderr("dateline: \(root)/\(WorkspaceConfiguration.settingsFileName) ignored: \(error.message)\n")
    }
    workspaces[root] = loaded
    return loaded
  }

  /// The languages to check in (the settings' list, French and English by default, plus the
  /// settings' and the article's own language) with the dictionary path the settings give each.
  private func dictionaries(wantedBy settings: DatelineSettings, root: String, declaredLanguage: String?)
    -> [(language: String, path: String?)]
  {
    var languages = settings.languages ?? ["fr", "en"]
    for extra in [settings.language, declaredLanguage].compactMap({ $0 }) where extra.lowercased() != "auto" {
      if !languages.contains(where: { LanguageCode.base($0) == LanguageCode.base(extra) }) { languages.append(extra) }
    }
    return languages.map { ($0, settings.dictionaryPath(for: $0, root: root)) }
  }
}
