/// British spellings and their American forms, so that generic English (`en`) accepts both when
/// only the American dictionary is at hand: `neighbouring`, `organise`, `centre`, `travelled`.
enum BritishSpelling {
  /// The American forms `word` could be the British spelling of (possibly none).
  static func americanForms(of word: String) -> [String] {
    var forms: [String] = []
    let replacements: [(String, String)] = [
      ("our", "or"), ("ise", "ize"), ("isa", "iza"), ("ysing", "yzing"), ("yse", "yze"), ("tre", "ter"),
      ("ogue", "og"), ("ence", "ense"), ("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("aemia", "emia"),
      ("oeu", "eu"),
    ]
    for (british, american) in replacements where word.contains(british) {
      forms.append(word.replacing(british, with: american))
    }
    return forms
  }
}
