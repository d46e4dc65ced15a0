import NewsAnalysis

/// How the command line and the server find dictionaries: a configured path, then the bundled
/// dictionaries, then the system's Hunspell folders.
enum DictionaryLoading {
  static let standard: DictionaryStore.Loader = { language, configuredPath throws(DictionaryError) in
    let locator = DictionaryLocator(configuredPaths: configuredPath.map { [language: $0] } ?? [:])
    do {
      let loaded = try locator.load(language)
      return (loaded.affix, loaded.dictionary)
    } catch {
      throw DictionaryError("\(error)")
    }
  }
}
