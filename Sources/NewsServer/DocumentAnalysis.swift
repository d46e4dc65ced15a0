import NewsAnalysis

/// What the analysis core made of one version of a document.
struct DocumentAnalysis {
  var version: Int
  /// The settings generation it was made with (see `CheckState.generation`).
  var generation: Int
  var article: Article
  var findings: [Finding]

  init(document: Document, generation: Int, setup: (Article) -> CheckSetup) {
    version = document.version
    self.generation = generation
    article = Article.parse(document.text, format: ArticleFormat(languageId: document.languageId) ?? ArticleFormat(path: document.uri))
    findings = ArticleChecker(setup: setup(article)).findings(for: article)
  }
}
