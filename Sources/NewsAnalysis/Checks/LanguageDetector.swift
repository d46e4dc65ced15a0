/// Tells which language a run of words is in, from which dictionaries accept its lower-case words.
///
/// Dictionaries are the ground truth Dateline already has for every language it checks, so the
/// detector needs no model of its own and works for any installed Hunspell language.
enum LanguageDetector {
  /// The dictionary whose language `words` are in, or `preferred` when the evidence is not clear:
  /// another language must account for at least three words and twice as many as `preferred`, or
  /// for two words when no word is `preferred`'s alone (a short English heading in French).
  static func language(
    of words: [String], among dictionaries: [SpellingDictionary], preferred: SpellingDictionary?
  ) -> SpellingDictionary? {
    guard dictionaries.count > 1 else { return preferred ?? dictionaries.first }
    var only = [Int](repeating: 0, count: dictionaries.count)
    for word in words where word.count >= 2 {
      let accepting = dictionaries.indices.filter { dictionaries[$0].accepts(word) }
      if accepting.count == 1 { only[accepting[0]] += 1 }
    }
    guard let preferred, let preferredIndex = dictionaries.firstIndex(where: { $0 === preferred }) else {
      let best = only.indices.max { only[$0] < only[$1] }!
      return only[best] > 0 ? dictionaries[best] : dictionaries.first
    }
    let best = only.indices.max { only[$0] < only[$1] }!
    if best != preferredIndex
      && ((only[best] >= 3 && only[best] >= 2 * only[preferredIndex] + 1) || (only[best] >= 2 && only[preferredIndex] == 0))
    {
      return dictionaries[best]
    }
    return preferred
  }
}
