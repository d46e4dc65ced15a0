/// `morphology(of:)`: the morphological fields of the analyses that accept a word, over the
/// spellings Hunspell's analysis tries (as written, in lower case, capitalised): for each, the
/// dictionary word as `st:` (unless its fields name a stem), the entry's fields, then the fields
/// of the affixes used, as `hunspell -m` prints them.
extension SpellEngine {
  /// One reading of a word: a dictionary entry and the affixes used (-1: none).
  struct Analysis: Equatable {
    var entry: Int32
    var prefix: Int32 = -1
    var suffix: Int32 = -1
    /// The inner suffix of two.
    var innerSuffix: Int32 = -1
  }

  /// The fields of every analysis of `word`, without repeats, in the order found; for a word
  /// accepted only in parts (BREAK), those of its parts.
  func morphology(of word: [UInt8]) -> [String] {
    var fields: [String] = []
    var seen = Set<String>()
    func add(_ text: String?) {
      guard let text else { return }
      for field in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
        let field = String(field)
        if seen.insert(field).inserted { fields.append(field) }
      }
    }
    let analyses = self.analyses(word)
    for analysis in analyses {
      let description = words.description(analysis.entry)
      if description?.contains("st:") != true {
        let stem = rules.complexPrefixes
          ? DictionaryUTF8.reversedCharacters(Array(words.word(analysis.entry))) : Array(words.word(analysis.entry))
        add("st:" + String(decoding: stem, as: UTF8.self))
      }
      add(description)
      if analysis.prefix >= 0 { add(prefixTable.morphology(prefixTable.records[Int(analysis.prefix)])) }
      if analysis.innerSuffix >= 0 { add(suffixTable.morphology(suffixTable.records[Int(analysis.innerSuffix)])) }
      if analysis.suffix >= 0 { add(suffixTable.morphology(suffixTable.records[Int(analysis.suffix)])) }
    }
    if analyses.isEmpty, let (first, second) = brokenParts(word) {
      return morphology(of: first) + morphology(of: second).filter { !seen.contains($0) }
    }
    return fields
  }

  /// The analyses of `word` as a whole.
  func analyses(_ word: [UInt8]) -> [Analysis] {
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
    var result: [Analysis] = []
    var state = LookupState()
    for variant in variants {
      var key = rules.ignoredCharacters.isEmpty ? variant : IgnoredCharacters.removing(rules.ignoredCharacters, from: variant)
      if rules.complexPrefixes { key = DictionaryUTF8.reversedCharacters(key) }
      var entry = lookup(key)
      while entry >= 0 {
        if !has(entry, rules.forbiddenWord) && !has(entry, rules.needAffix) && !has(entry, rules.onlyInCompound) {
          append(Analysis(entry: entry), to: &result)
        }
        entry = next(entry)
      }
      for analysis in affixAnalyses(key, &state) { append(analysis, to: &result) }
    }
    return result
  }

  private func append(_ analysis: Analysis, to result: inout [Analysis]) {
    if !result.contains(analysis) { result.append(analysis) }
  }

  /// Every affixed reading of `word` (all of them, where a check stops at the first).
  private func affixAnalyses(_ word: [UInt8], _ state: inout LookupState) -> [Analysis] {
    var found: [Analysis] = []
    func keep(_ analysis: Analysis) {
      let entry = analysis.entry
      if entry >= 0 && !has(entry, rules.forbiddenWord) && !has(entry, rules.onlyInCompound)
        && !found.contains(analysis)
      {
        found.append(analysis)
      }
    }
    let length = word.count
    for index in suffixTable.matchingRules(in: word, 0..<length) {
      let record = suffixTable.records[Int(index)]
      let rest = length - Int(record.appendLength)
      guard rest > 0 || (rest == 0 && rules.fullStrip) else { continue }
      let stem = Array(word[0..<rest]) + suffixTable.strip(record)
      guard suffixTable.conditionHolds(record, stem, 0..<stem.count) else { continue }
      if record.traits.contains(.onlyInCompound) { continue }
      if !record.traits.contains(.needAffix) {
        var entry = lookup(stem)
        while entry >= 0 {
          if has(entry, record.flag) { keep(Analysis(entry: entry, suffix: index)) }
          entry = next(entry)
        }
      }
      // A second suffix inside this one.
      if rules.continuationFlags.contains(record.flag) {
        let inner = suffixCheck(stem, 0, stem.count, crossProduct: false, prefix: -1, &state,
                                continuationFlag: record.flag)
        if inner >= 0 { keep(Analysis(entry: inner, suffix: index, innerSuffix: state.suffix)) }
      }
    }
    for index in prefixTable.matchingRules(in: word, 0..<length) {
      let record = prefixTable.records[Int(index)]
      let rest = length - Int(record.appendLength)
      guard rest > 0 || (rest == 0 && rules.fullStrip) else { continue }
      let stem = Array(prefixTable.strip(record)) + word[Int(record.appendLength)...]
      guard prefixTable.conditionHolds(record, stem, 0..<stem.count) else { continue }
      if record.traits.contains(.onlyInCompound) { continue }
      if !record.traits.contains(.needAffix) && !record.traits.contains(.circumfix) {
        var entry = lookup(stem)
        while entry >= 0 {
          if has(entry, record.flag) { keep(Analysis(entry: entry, prefix: index)) }
          entry = next(entry)
        }
      }
      if record.traits.contains(.crossProduct) {
        let entry = suffixCheck(stem, 0, stem.count, crossProduct: true, prefix: index, &state)
        if entry >= 0 { keep(Analysis(entry: entry, prefix: index, suffix: state.suffix)) }
      }
    }
    if found.isEmpty, let match = affixCheck(word, 0, length, &state) {
      keep(Analysis(entry: match.entry, prefix: match.prefix, suffix: match.suffix))
    }
    return found
  }

  /// The two sides of the first BREAK (not anchored) that splits `word` into accepted parts.
  private func brokenParts(_ word: [UInt8]) -> ([UInt8], [UInt8])? {
    for pattern in rules.breakPatterns where !pattern.isEmpty && pattern.first != UInt8(ascii: "^")
      && pattern.last != UInt8(ascii: "$")
    {
      var start = 1
      while start + pattern.count < word.count {
        if word[start..<start + pattern.count].elementsEqual(pattern) {
          let first = Array(word[0..<start])
          let second = Array(word[(start + pattern.count)...])
          var state = LookupState()
          if spell(first, &state) && spell(second, &state) { return (first, second) }
        }
        start += 1
      }
    }
    return nil
  }
}
