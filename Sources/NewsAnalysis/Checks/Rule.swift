/// The checks Dateline runs, by their stable ids (the `code` of a diagnostic, the `[rule]` of
/// `dateline check`, the keys of the `rules` setting).
public enum Rule: String, Sendable, CaseIterable, Codable {
  /// An unknown word.
  case spelling
  /// Two or more known words stuck together: `laguerre`, `ofthe`, `laRussieentraîne`.
  case gluedWords = "glued-words"
  /// A word wrongly split: `gou vernement`.
  case splitWord = "split-word"
  /// The same word twice: `le le`, `the the`.
  case repeatedWord = "repeated-word"
  /// A name written otherwise elsewhere in the article: `Tabarrot` beside `Tabarot`.
  case nameVariant = "name-variant"
  /// Spaces and marks: two spaces, a space before a comma, no space after a full stop, a doubled
  /// mark, a quotation closed with the wrong mark.
  case typography
  /// The no-break spaces of French typography: before `: ; ! ?` and `»`, after `«`.
  case frenchSpacing = "french-spacing"
  /// Annotation markup that cannot be read.
  case annotationSyntax = "annotation-syntax"
  /// An annotation with an unknown or conflicting entity type.
  case annotationType = "annotation-type"

  /// The severity of the rule's findings when the settings say nothing.
  public var defaultSeverity: Severity {
    switch self {
    case .spelling, .gluedWords, .splitWord, .repeatedWord, .nameVariant: return .warning
    case .typography, .frenchSpacing: return .information
    case .annotationSyntax, .annotationType: return .error
    }
  }
}
