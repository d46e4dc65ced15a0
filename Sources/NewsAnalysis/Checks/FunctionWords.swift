/// Short, frequent words that typists glue to their neighbours (`laguerre`, `ofthe`): articles,
/// prepositions, pronouns. A split of an unknown word that frees one of them is taken as glued
/// words rather than as a misspelling of a single word.
enum FunctionWords {
  static let french: Set<String> = [
    "le", "la", "les", "un", "une", "des", "du", "de", "au", "aux", "ce", "ces", "cet", "cette", "son", "sa", "ses",
    "mon", "ma", "mes", "ton", "ta", "tes", "leur", "leurs", "notre", "nos", "votre", "vos", "sur", "sous", "dans",
    "par", "pour", "avec", "sans", "chez", "vers", "entre", "et", "ou", "en", "à", "que", "qui", "ne", "pas", "plus",
    "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "se", "est", "sont", "a", "ont", "y",
    "tout", "tous", "toute", "toutes", "bien", "peu", "très", "trop", "même", "aussi", "quand", "comme",
  ]

  static let english: Set<String> = [
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "is", "are",
    "was", "were", "be", "it", "its", "this", "that", "these", "those", "his", "her", "their", "our", "my", "your",
    "he", "she", "they", "we", "you", "i", "as", "into", "onto", "than", "not", "has", "have", "had",
    "some", "any", "every", "each", "all", "no", "what", "when", "where", "how", "over", "there",
  ]

  /// The function words of a language (by base code); empty for languages without a list.
  static func words(for language: String) -> Set<String> {
    switch LanguageCode.base(language) {
    case "fr": return french
    case "en": return english
    default: return []
    }
  }

  /// Prefixes that join any word with a hyphen (`co-envahisseur`, `ex-president`).
  static func compoundPrefixes(for language: String) -> Set<String> {
    switch LanguageCode.base(language) {
    case "fr":
      return [
        "co", "ex", "non", "anti", "pro", "pré", "post", "semi", "demi", "mi", "auto", "contre", "néo", "quasi", "vice",
        "sous", "sur", "super", "ultra", "mini", "maxi", "micro", "multi", "inter", "extra", "hyper", "méga", "pseudo",
        "re", "ré", "euro", "franco", "russo", "sino", "ukraino", "biélorusso", "américano",
      ]
    case "en":
      return [
        "co", "ex", "non", "anti", "pro", "pre", "post", "semi", "self", "re", "sub", "super", "ultra", "mini", "micro",
        "multi", "inter", "extra", "hyper", "mega", "pseudo", "quasi", "vice", "mid", "over", "under", "neo", "euro",
      ]
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
