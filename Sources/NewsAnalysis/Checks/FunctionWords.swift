/// Short, frequent words that typists glue to their neighbours (`laguerre`, `ofthe`): articles,
/// prepositions, pronouns. A split of an unknown word that frees one of them is taken as glued
/// words rather than as a misspelling of a single word.
enum FunctionWords {
  static let french: Set<String> = [
    "le", "la", "les", "un", "une", "des", "du", "de", "au", "aux", "ce", "ces", "cet", "cette", "son", "sa", "ses",
    "mon", "ma", "mes", "ton", "ta", "tes", "leur", "leurs", "notre", "nos", "votre", "vos", "sur", "sous", "dans",
    "par", "pour", "avec", "sans", "chez", "vers", "entre", "et", "ou", "en", "à", "que", "qui", "ne", "pas", "plus",
    "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "se", "est", "sont", "a", "ont", "y",
  ]

  static let english: Set<String> = [
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "is", "are",
    "was", "were", "be", "it", "its", "this", "that", "these", "those", "his", "her", "their", "our", "my", "your",
    "he", "she", "they", "we", "you", "i", "as", "into", "onto", "than", "not", "has", "have", "had",
  ]

  /// The function words of a language (by base code); empty for languages without a list.
  static func words(for language: String) -> Set<String> {
    switch LanguageCode.base(language) {
    case "fr": return french
    case "en": return english
    default: return []
    }
  }

  /// Pairs of identical words that are correct in the language (`nous nous`, `had had`).
  static func legitimateRepetitions(for language: String) -> Set<String> {
    switch LanguageCode.base(language) {
    case "fr": return ["nous", "vous"]
    case "en": return ["had", "that"]
    default: return []
    }
  }
}
