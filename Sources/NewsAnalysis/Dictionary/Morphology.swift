/// `morphology(of:)`: the morphological fields of the dictionary entries that accept a word, over
/// the spellings Hunspell's analysis tries (as written, in lower case, capitalised).
extension SpellEngine {
  func morphology(of word: [UInt8]) -> [String] {
    var fields: [String] = []
    var seen = Set<String>()
    for entry in acceptingEntries(word) {
      guard let description = words.description(entry) else { continue }
      for field in description.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
        let text = String(field)
        if seen.insert(text).inserted { fields.append(text) }
      }
    }
    return fields
  }

  /// The dictionary entries that accept `word` as a whole (unaffixed or affixed), in the order
  /// found.
  func acceptingEntries(_ word: [UInt8]) -> [Int32] {
    var input = word
    if let converted = rules.inputConversion.convert(word) { input = converted }
    let (scw, dots) = cleaned(input)
    guard !scw.isEmpty else { return [] }
    var variants: [[UInt8]] = []
    switch casing.capitalization(of: scw) {
    case .lower, .mixed, .mixedInitial:
      variants = [scw]
    case .initial:
      variants = [casing.lowercased(scw), casing.titlecased(scw)]
    case .all:
      variants = [scw, casing.lowercased(scw), casing.titlecased(scw)]
    }
    if dots > 0 { variants += variants.map { $0 + [UInt8(ascii: ".")] } }
    var entries: [Int32] = []
    var state = LookupState()
    for variant in variants {
      var key = rules.ignoredCharacters.isEmpty ? variant : CharacterFilter.removing(rules.ignoredCharacters, from: variant)
      if rules.complexPrefixes { key = UTF8Encoding.reversedCharacters(key) }
      var entry = lookup(key)
      while entry >= 0 {
        if !has(entry, rules.forbiddenWord) && !has(entry, rules.needAffix) && !has(entry, rules.onlyInCompound)
          && !entries.contains(entry)
        {
          entries.append(entry)
        }
        entry = next(entry)
      }
      for match in allAffixMatches(key, &state) where !entries.contains(match) {
        entries.append(match)
      }
    }
    return entries
  }

  /// Every stem entry that accepts `word` with affixes (all analyses, not only the first).
  private func allAffixMatches(_ word: [UInt8], _ state: inout LookupState) -> [Int32] {
    var found: [Int32] = []
    func keep(_ entry: Int32) {
      if entry >= 0 && !has(entry, rules.forbiddenWord) && !has(entry, rules.onlyInCompound) && !found.contains(entry) {
        found.append(entry)
      }
    }
    // Try each suffix and prefix rule on its own through the normal lookup, one rule at a time,
    // by asking for analyses with each candidate stem.
    let length = word.count
    for index in suffixTable.matchingRules(in: word, 0..<length) {
      let suffix = suffixTable.entry(index)
      let rest = length - suffix.append.count
      guard rest > 0 || (rest == 0 && rules.fullStrip) else { continue }
      var stem = Array(word[0..<rest])[...]
      stem.append(contentsOf: suffix.strip)
      let stemBytes = Array(stem)
      guard suffix.condition.matchesEnd(of: stemBytes, 0..<stemBytes.count) else { continue }
      if suffix.continues(rules.onlyInCompound) || suffix.continues(rules.needAffix) { continue }
      var entry = lookup(stemBytes)
      while entry >= 0 {
        if has(entry, suffix.flag) { keep(entry) }
        entry = next(entry)
      }
      // A second suffix inside the first.
      if rules.continuationFlags.contains(suffix.flag) {
        let inner = suffixCheck(stemBytes, 0, stemBytes.count, crossProduct: false, prefix: -1, &state,
                                continuationFlag: suffix.flag)
        keep(inner)
      }
    }
    for index in prefixTable.matchingRules(in: word, 0..<length) {
      let prefix = prefixTable.entry(index)
      let rest = length - prefix.append.count
      guard rest > 0 || (rest == 0 && rules.fullStrip) else { continue }
      var stem = Array(prefix.strip)
      stem.append(contentsOf: word[prefix.append.count...])
      guard prefix.condition.matchesStart(of: stem, 0..<stem.count) else { continue }
      if prefix.continues(rules.onlyInCompound) { continue }
      var entry = lookup(stem)
      while entry >= 0 {
        if has(entry, prefix.flag) && !prefix.continues(rules.needAffix) && !prefix.continues(rules.circumfix) {
          keep(entry)
        }
        entry = next(entry)
      }
      if prefix.crossProduct {
        keep(suffixCheck(stem, 0, stem.count, crossProduct: true, prefix: index, &state))
      }
    }
    if found.isEmpty, let match = affixCheck(word, 0, length, &state) { keep(match.entry) }
    return found
  }
}
