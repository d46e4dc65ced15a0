import Dispatch
import NewsAnalysis

/// What the analysis core made of one version of a document.
struct DocumentAnalysis {
  var version: Int
  /// The settings generation it was made with (see `CheckState.generation`).
  var generation: Int
  var article: Article
  var findings: [Finding]

  /// How long the parse and the checks took, in milliseconds (for the debug log).
  var timings: (parse: Double, checks: Double)

  init(document: Document, generation: Int, caches: DocumentCaches, setup: (Article) -> CheckSetup) {
    version = document.version
    self.generation = generation
    let format = ArticleFormat(languageId: document.languageId) ?? ArticleFormat(path: document.uri)
    let start = DispatchTime.now().uptimeNanoseconds
    article = Article.parse(document.text, format: format, cache: caches.parse)
    let parsed = DispatchTime.now().uptimeNanoseconds
    findings = ArticleChecker(setup: setup(article)).findings(for: article, cache: caches.checks(generation: generation))
    let checked = DispatchTime.now().uptimeNanoseconds
    timings = (Double(parsed - start) / 1e6, Double(checked - parsed) / 1e6)
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
