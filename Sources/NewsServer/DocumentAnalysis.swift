import NewsAnalysis

/// What the analysis core made of one version of a document.
struct DocumentAnalysis {
  var version: Int
  /// The settings generation it was made with (see `CheckState.generation`).
  var generation: Int
  var article: Article
  var findings: [Finding]

  init(document: Document, generation: Int, caches: DocumentCaches, setup: (Article) -> CheckSetup) {
    version = document.version
    self.generation = generation
    let format = ArticleFormat(languageId: document.languageId) ?? ArticleFormat(path: document.uri)
    article = Article.parse(document.text, format: format, cache: caches.parse)
    findings = ArticleChecker(setup: setup(article)).findings(for: article, cache: caches.checks(generation: generation))
  }
}

/// What a document keeps from one version to the next so that an edit is analysed in proportion
/// to its size: the parse of each block, and the findings of each block for the current settings.
final class DocumentCaches {
  let parse = ArticleParseCache()
  private var checkCache = CheckCache()
  private var checkGeneration = -1

  /// The findings cache for a settings generation (a new one when the settings changed).
  func checks(generation: Int) -> CheckCache {
    if generation != checkGeneration {
      checkCache = CheckCache()
      checkGeneration = generation
    }
    return checkCache
  }
}
