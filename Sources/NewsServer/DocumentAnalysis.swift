import NewsAnalysis

/// What the analysis core made of one version of a document.
struct DocumentAnalysis {
  var version: Int
  var article: Article
  var findings: [Finding]

  init(document: Document) {
    version = document.version
    article = Article.parse(document.text, format: ArticleFormat(languageId: document.languageId) ?? ArticleFormat(path: document.uri))
    findings = article.markupFindings.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }
}
