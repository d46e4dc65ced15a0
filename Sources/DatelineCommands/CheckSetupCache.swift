import NewsAnalysis

/// The check setups of the files `dateline check` reads: one workspace configuration per root
/// folder, one dictionary per language, each read once and reported once when missing.
final class CheckSetupCache {
  private let store = DictionaryStore(loader: DictionaryLoading.standard)
  private var workspaces: [String: WorkspaceConfiguration] = [:]
  private var reported: Set<String> = []

  func setup(forFile path: String, declaredLanguage: String?) -> CheckSetup {
    let root = WorkspaceConfiguration.root(forFile: path)
    let workspace = workspaces[root] ?? {
      let loaded = WorkspaceConfiguration.load(root: root)
      if let error = loaded.settingsError, reported.insert(root).inserted {
        writeStderr("dateline: \(root)/\(WorkspaceConfiguration.settingsFileName) ignored: \(error.message)\n")
      }
      workspaces[root] = loaded
      return loaded
    }()
    let settings = workspace.settings
    var languages = settings.languages ?? ["fr", "en"]
    for extra in [settings.language, declaredLanguage].compactMap({ $0 }) where extra.lowercased() != "auto" {
      if !languages.contains(where: { LanguageCode.base($0) == LanguageCode.base(extra) }) { languages.append(extra) }
    }
    let dictionaries = languages.compactMap { language -> SpellingDictionary? in
      switch store.dictionary(for: language, configuredPath: settings.dictionaryPath(for: language, root: root)) {
      case .success(let dictionary): return dictionary
      case .failure(let error):
        if reported.insert("language:" + language).inserted { writeStderr("dateline: \(error.message)\n") }
        return nil
      }
    }
    return CheckSetup(dictionaries: dictionaries, settings: settings, workspaceWords: workspace.words)
  }
}
