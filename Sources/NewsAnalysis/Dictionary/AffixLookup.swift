/// Finding a word as a dictionary stem with a prefix, a suffix, both (cross products), or two
/// suffixes (continuation classes), in Hunspell's order: the first analysis found is the answer.
extension SpellEngine {
  /// Looks for an affixed analysis of `word[start..<start+length]` (Hunspell's `affix_check`):
  /// prefixes (and prefix + suffix), suffixes, then twofold suffixes. `needFlag` is a flag the stem
  /// or an affix must carry (compounding), `avoidFlag` one the stem must not have.
  func affixCheck(_ word: [UInt8], _ start: Int, _ length: Int, _ state: inout LookupState,
                  needFlag: AffixFlag = 0, position: CompoundPosition = .none, avoidFlag: AffixFlag = 0) -> AffixMatch? {
    var entry = prefixCheck(word, start, length, position, &state, needFlag: needFlag, avoidFlag: avoidFlag)
    if entry >= 0 { return AffixMatch(entry: entry, prefix: state.prefix, suffix: state.suffix) }
    entry = suffixCheck(word, start, length, crossProduct: false, prefix: -1, &state, needFlag: needFlag,
                        position: position, avoidFlag: avoidFlag)
    if rules.hasContinuationClasses {
      let found = entry >= 0 ? AffixMatch(entry: entry, prefix: state.prefix, suffix: state.suffix) : nil
      state.suffix = -1
      state.prefix = -1
      if let found { return found }
      entry = twoSuffixCheck(word, start, length, crossProduct: false, prefix: -1, &state, needFlag: needFlag)
      if entry >= 0 { return AffixMatch(entry: entry, prefix: state.prefix, suffix: state.suffix) }
      entry = prefixTwoSuffixCheck(word, start, length, .none, &state, needFlag: needFlag)
    }
    return entry >= 0 ? AffixMatch(entry: entry, prefix: state.prefix, suffix: state.suffix) : nil
  }

  /// The first entry spelled `first[firstRange] + second[secondRange]` (with `StemHash` `hash`),
  /// through the check's cache of stems.
  @inline(__always)
  func findStem(_ hash: UInt64, _ first: [UInt8], _ firstRange: Range<Int>, _ second: [UInt8],
                _ secondRange: Range<Int>, _ state: inout LookupState) -> Int32 {
    let length = firstRange.count + secondRange.count
    if let cached = state.cachedStem(hash, length: length) { return cached }
    let entry = words.find(hash: hash, first, firstRange, second, secondRange)
    state.cacheStem(hash, length: length, entry: entry)
    return entry
  }

  // MARK: - Prefixes

  /// Hunspell's `prefix_check`: a prefix, alone or crossed with a suffix.
  func prefixCheck(_ word: [UInt8], _ start: Int, _ length: Int, _ position: CompoundPosition,
                   _ state: inout LookupState, needFlag: AffixFlag = 0, avoidFlag: AffixFlag = 0) -> Int32 {
    state.prefix = -1
    state.suffixAppend = -1
    state.suffixExtra = 0
    let hashes = state.prefixHashes(word, start..<start + length)
    defer { state.recycle(hashes) }
    for index in prefixTable.emptyAppends {
      let entry = tryPrefix(index, word, start, length, hashes, position, &state, needFlag: needFlag,
                            avoidFlag: avoidFlag)
      if entry >= 0 {
        state.prefix = index
        return entry
      }
    }
    let range = start..<start + length
    var cursor = prefixTable.cursor(range)
    while let index = prefixTable.next(&cursor, word, range) {
      let entry = tryPrefix(index, word, start, length, hashes, position, &state, needFlag: needFlag,
                            avoidFlag: avoidFlag)
      if entry >= 0 {
        state.prefix = index
        return entry
      }
    }
    return -1
  }

  @inline(__always)
  private func tryPrefix(_ index: Int32, _ word: [UInt8], _ start: Int, _ length: Int, _ hashes: [UInt64],
                         _ position: CompoundPosition, _ state: inout LookupState, needFlag: AffixFlag,
                         avoidFlag: AffixFlag) -> Int32 {
    let traits = prefixTable.records[Int(index)].traits
    // Prefixes only allowed inside compounds, and prefixes on the last part of a compound.
    if position == .none && traits.contains(.onlyInCompound) { return -1 }
    if position == .end && !traits.contains(.compoundPermit) { return -1 }
    var entry = prefixEntryCheck(index, word, start, length, hashes, position, &state, needFlag: needFlag)
    if entry >= 0 && avoidFlag != 0 && has(entry, avoidFlag) { entry = -1 }
    return entry
  }

  /// Hunspell's `PfxEntry::checkword`: remove the prefix, restore the stripped characters, check
  /// the condition, look the stem up; then try a suffix too when the rule crosses.
  private func prefixEntryCheck(_ index: Int32, _ word: [UInt8], _ start: Int, _ length: Int, _ hashes: [UInt64],
                                _ position: CompoundPosition, _ state: inout LookupState, needFlag: AffixFlag) -> Int32 {
    let prefix = prefixTable.records[Int(index)]
    let appendLength = Int(prefix.appendLength)
    let rest = length - appendLength
    guard rest > 0 || (rest == 0 && rules.fullStrip) else { return -1 }
    // The stem: the strip characters, then the word after the prefix.
    let strip = prefixTable.stripRange(prefix)
    let restRange = start + appendLength..<start + length
    guard prefixTable.conditionHolds(prefix, prefixTable.stripBytes, strip, word, restRange) else { return -1 }
    let hash = StemHash.concatenate(prefix.stripHash, StemHash.slice(hashes, appendLength, length),
                                    secondLength: rest)
    var entry = findStem(hash, prefixTable.stripBytes, strip, word, restRange, &state)
    while entry >= 0 {
      if prefixApplies(prefix, to: entry, needFlag: needFlag) { return entry }
      entry = next(entry)
    }
    if prefix.traits.contains(.crossProduct) && crossProductMayApply(index, hashes[length], length) {
      var stem = state.buffer()
      stem.append(contentsOf: prefixTable.stripBytes[strip])
      stem.append(contentsOf: word[restRange])
      entry = suffixCheck(stem, 0, stem.count, crossProduct: true, prefix: index, &state, needFlag: needFlag,
                          position: position)
      state.recycle(stem)
      if entry >= 0 { return entry }
    }
    return -1
  }

  /// Whether a prefix may go on a dictionary entry on its own.
  @inline(__always)
  private func prefixApplies(_ prefix: AffixRecord, to entry: Int32, needFlag: AffixFlag) -> Bool {
    guard has(entry, prefix.flag) else { return false }
    // A prefix that needs a further affix, or the prefix half of a circumfix, cannot stand alone.
    if prefix.traits.contains(.needAffix) || prefix.traits.contains(.circumfix) { return false }
    if needFlag != 0 && !has(entry, needFlag) && !prefixTable.continues(prefix, needFlag) { return false }
    return true
  }

  // MARK: - Suffixes

  /// Hunspell's `suffix_check`. `crossProduct`: the suffix is tried under `prefix` (whose stem this
  /// is), so it must cross; `continuationFlag`: the suffix must carry this continuation flag (it
  /// is the inner suffix of two; then only the rules that carry it are walked, in the same order).
  func suffixCheck(_ word: [UInt8], _ start: Int, _ length: Int, crossProduct: Bool, prefix: Int32,
                   _ state: inout LookupState, continuationFlag: AffixFlag = 0, needFlag: AffixFlag = 0,
                   position: CompoundPosition = .none, avoidFlag: AffixFlag = 0) -> Int32 {
    let badFlag = position == .none ? rules.onlyInCompound : 0
    let hashes = state.prefixHashes(word, start..<start + length)
    defer { state.recycle(hashes) }
    let range = start..<start + length
    if continuationFlag != 0 {
      guard let carriers = suffixRulesContinuing[continuationFlag] else { return -1 }
      for index in carriers {
        let suffix = suffixTable.records[Int(index)]
        if suffix.appendLength > 0 && (length == 0 || !suffixTable.appendMatches(suffix, word, range)) { continue }
        let entry = considerSuffix(index, suffix, word, start, length, hashes, crossProduct: crossProduct,
                                   prefix: prefix, continuationFlag: continuationFlag, needFlag: needFlag,
                                   badFlag: badFlag, position: position, avoidFlag: avoidFlag, &state)
        if entry >= 0 { return entry }
      }
      return -1
    }
    // Rules that add nothing first.
    for (slot, index) in suffixTable.emptyAppends.enumerated() {
      let suffix = suffixTable.emptyRecords[slot]
      let entry = considerSuffix(index, suffix, word, start, length, hashes, crossProduct: crossProduct,
                                 prefix: prefix, continuationFlag: continuationFlag, needFlag: needFlag,
                                 badFlag: badFlag, position: position, avoidFlag: avoidFlag, &state)
      if entry >= 0 { return entry }
    }
    guard length > 0 else { return -1 }
    var cursor = suffixTable.cursor(range)
    while let index = suffixTable.next(&cursor, word, range) {
      let entry = considerSuffix(index, suffixTable.record(at: cursor), word, start, length, hashes,
                                 crossProduct: crossProduct, prefix: prefix, continuationFlag: continuationFlag,
                                 needFlag: needFlag, badFlag: badFlag, position: position, avoidFlag: avoidFlag,
                                 &state)
      if entry >= 0 { return entry }
    }
    return -1
  }

  /// One suffix rule of `suffixCheck`, its added characters already found at the end of the word:
  /// the entry found (and the state set), or -1.
  @inline(__always)
  private func considerSuffix(_ index: Int32, _ suffix: AffixRecord, _ word: [UInt8], _ start: Int, _ length: Int,
                              _ hashes: [UInt64], crossProduct: Bool, prefix: Int32, continuationFlag: AffixFlag,
                              needFlag: AffixFlag, badFlag: AffixFlag, position: CompoundPosition, avoidFlag: AffixFlag,
                              _ state: inout LookupState) -> Int32 {
    let isEmpty = suffix.appendLength == 0
    if isEmpty {
      guard continuationFlag == 0 || suffix.traits.contains(.hasContinuation) else { return -1 }
    } else if position == .end && prefix < 0 && suffix.traits.contains(.onlyInCompound) {
      // A suffix only allowed in compounds cannot end one unless a prefix came with it.
      return -1
    }
    var entry = trySuffix(suffix, word, start, length, hashes, crossProduct: crossProduct, prefix: prefix,
                          continuationFlag: continuationFlag, needFlag: needFlag, badFlag: badFlag,
                          position: position, &state)
    if entry >= 0 && avoidFlag != 0 && has(entry, avoidFlag) { entry = -1 }
    guard entry >= 0 else { return -1 }
    state.suffix = index
    // Rules that add nothing set less of the state.
    if isEmpty { return entry }
    state.suffixFlag = suffix.flag
    if !suffix.traits.contains(.hasContinuation) {
      state.suffixAppend = index
    } else if rules.languageKind == .hungarian {
      let append = Array(suffixTable.append(suffix))
      if append.last == UInt8(ascii: "i") {
        let before = append.count > 1 ? append[append.count - 2] : 0
        if before != UInt8(ascii: "y") && before != UInt8(ascii: "t") { state.suffixExtra = 1 }
      }
    }
    return entry
  }

  /// One suffix rule on the word (Hunspell's `suffix_applicable` and `SfxEntry::checkword`), the
  /// tests that need no lookup first: the entry the rule finds, or -1.
  @inline(__always)
  private func trySuffix(_ suffix: AffixRecord, _ word: [UInt8], _ start: Int, _ length: Int, _ hashes: [UInt64],
                         crossProduct: Bool, prefix: Int32, continuationFlag: AffixFlag, needFlag: AffixFlag, badFlag: AffixFlag,
                         position: CompoundPosition, _ state: inout LookupState) -> Int32 {
    if crossProduct && !suffix.traits.contains(.crossProduct) { return -1 }
    if continuationFlag != 0 && !suffixTable.continues(suffix, continuationFlag) { return -1 }
    guard suffixApplicable(suffix, prefix: prefix, continuationFlag: continuationFlag, position: position) else {
      return -1
    }
    let rest = length - Int(suffix.appendLength)
    guard (rest > 0 || (rest == 0 && rules.fullStrip)) && rest + Int(suffix.stripLength) >= Int(suffix.conditionCount)
    else {
      return -1
    }
    // The stem: the word before the suffix, then the strip characters.
    let restRange = start..<start + rest
    let strip = suffixTable.stripRange(suffix)
    guard suffixTable.conditionHolds(suffix, word, restRange, suffixTable.stripBytes, strip) else { return -1 }
    let hash = StemHash.concatenate(hashes[rest], suffix.stripHash, secondLength: strip.count)
    var entry = findStem(hash, word, restRange, suffixTable.stripBytes, strip, &state)
    while entry >= 0 {
      if suffixApplies(suffix, to: entry, crossProduct: crossProduct, prefix: prefix,
                       continuationFlag: continuationFlag, needFlag: needFlag, badFlag: badFlag)
      {
        return entry
      }
      entry = next(entry)
    }
    return -1
  }

  /// Hunspell's `suffix_applicable`: whether a suffix may be tried at all here.
  @inline(__always)
  private func suffixApplicable(_ suffix: AffixRecord, prefix: Int32, continuationFlag: AffixFlag,
                                position: CompoundPosition) -> Bool {
    let traits = suffix.traits
    // At the start of a compound only suffixes with COMPOUNDPERMITFLAG.
    if position == .begin && !traits.contains(.compoundPermit) { return false }
    if rules.circumfix != 0 {
      let inPrefix = prefix >= 0 && prefixTable.records[Int(prefix)].traits.contains(.circumfix)
      if inPrefix != traits.contains(.circumfix) { return false }
    }
    if position == .none && traits.contains(.onlyInCompound) { return false }
    // A NEEDAFFIX suffix needs a further affix: a second suffix, or a prefix that does not itself
    // need one.
    if continuationFlag == 0 && traits.contains(.needAffix) {
      let prefixStandsAlone = prefix >= 0 && !prefixTable.records[Int(prefix)].traits.contains(.needAffix)
      if !prefixStandsAlone { return false }
    }
    return true
  }

  /// Whether a suffix may go on a dictionary entry (Hunspell's `SfxEntry::applies_to`).
  @inline(__always)
  private func suffixApplies(_ suffix: AffixRecord, to entry: Int32, crossProduct: Bool, prefix: Int32,
                             continuationFlag: AffixFlag, needFlag: AffixFlag, badFlag: AffixFlag) -> Bool {
    // The stem takes the suffix, or the prefix enables it.
    if !has(entry, suffix.flag)
      && !(prefix >= 0 && prefixTable.continues(prefixTable.records[Int(prefix)], suffix.flag))
    {
      return false
    }
    // Crossed with a prefix: the stem takes the prefix too, or the suffix enables it.
    if crossProduct {
      let prefixFlag = prefix >= 0 ? prefixTable.records[Int(prefix)].flag : 0
      let inStem = prefix >= 0 && has(entry, prefixFlag)
      let inSuffix = prefix >= 0 && suffixTable.continues(suffix, prefixFlag)
      if !inStem && !inSuffix { return false }
    }
    if continuationFlag != 0 && !suffixTable.continues(suffix, continuationFlag) { return false }
    if badFlag != 0 && has(entry, badFlag) { return false }
    if needFlag != 0 && !has(entry, needFlag) && !suffixTable.continues(suffix, needFlag) { return false }
    return true
  }

  // MARK: - Two suffixes

  /// Hunspell's `suffix_check_twosfx`: an outer suffix whose flag some inner suffix continues with
  /// (only those rules are walked, in the order of the full walk).
  func twoSuffixCheck(_ word: [UInt8], _ start: Int, _ length: Int, crossProduct: Bool, prefix: Int32,
                      _ state: inout LookupState, needFlag: AffixFlag = 0) -> Int32 {
    let range = start..<start + length
    for index in outerSuffixRules {
      let suffix = suffixTable.records[Int(index)]
      let isEmpty = suffix.appendLength == 0
      if !isEmpty && (length == 0 || !suffixTable.appendMatches(suffix, word, range)) { continue }
      let entry = outerSuffixCheck(suffix, word, start, length, crossProduct: crossProduct, prefix: prefix, &state,
                                   needFlag: needFlag)
      guard entry >= 0 else { continue }
      if !isEmpty {
        state.suffixFlag = suffix.flag
        if !suffix.traits.contains(.hasContinuation) { state.suffixAppend = index }
      }
      return entry
    }
    return -1
  }

  /// Hunspell's `SfxEntry::check_twosfx`: remove the outer suffix, then look for an inner one that
  /// continues with it.
  private func outerSuffixCheck(_ suffix: AffixRecord, _ word: [UInt8], _ start: Int, _ length: Int,
                                crossProduct: Bool, prefix: Int32, _ state: inout LookupState, needFlag: AffixFlag) -> Int32 {
    if crossProduct && !suffix.traits.contains(.crossProduct) { return -1 }
    let rest = length - Int(suffix.appendLength)
    guard (rest > 0 || (rest == 0 && rules.fullStrip)) && rest + Int(suffix.stripLength) >= Int(suffix.conditionCount)
    else {
      return -1
    }
    var stem = state.buffer()
    defer { state.recycle(stem) }
    stem.append(contentsOf: word[start..<start + rest])
    stem.append(contentsOf: suffixTable.strip(suffix))
    guard suffixTable.conditionHolds(suffix, stem, 0..<stem.count) else { return -1 }
    if prefix >= 0 {
      // A suffix that itself enables the prefix ("conditional suffix").
      if suffixTable.continues(suffix, prefixTable.records[Int(prefix)].flag) {
        return suffixCheck(stem, 0, stem.count, crossProduct: false, prefix: -1, &state,
                           continuationFlag: suffix.flag, needFlag: needFlag)
      }
      return suffixCheck(stem, 0, stem.count, crossProduct: crossProduct, prefix: prefix, &state,
                         continuationFlag: suffix.flag, needFlag: needFlag)
    }
    return suffixCheck(stem, 0, stem.count, crossProduct: false, prefix: -1, &state,
                       continuationFlag: suffix.flag, needFlag: needFlag)
  }

  /// Hunspell's `prefix_check_twosfx`: a crossing prefix, then two suffixes.
  func prefixTwoSuffixCheck(_ word: [UInt8], _ start: Int, _ length: Int, _ position: CompoundPosition,
                            _ state: inout LookupState, needFlag: AffixFlag = 0) -> Int32 {
    state.prefix = -1
    state.suffixAppend = -1
    state.suffixExtra = 0
    for index in prefixTable.emptyAppends {
      let entry = prefixTwoSuffixEntryCheck(index, word, start, length, position, &state, needFlag: needFlag)
      if entry >= 0 { return entry }
    }
    let range = start..<start + length
    var cursor = prefixTable.cursor(range)
    while let index = prefixTable.next(&cursor, word, range) {
      let entry = prefixTwoSuffixEntryCheck(index, word, start, length, position, &state, needFlag: needFlag)
      if entry >= 0 {
        state.prefix = index
        return entry
      }
    }
    return -1
  }

  private func prefixTwoSuffixEntryCheck(_ index: Int32, _ word: [UInt8], _ start: Int, _ length: Int,
                                         _ position: CompoundPosition, _ state: inout LookupState,
                                         needFlag: AffixFlag) -> Int32 {
    let prefix = prefixTable.records[Int(index)]
    let rest = length - Int(prefix.appendLength)
    guard (rest > 0 || (rest == 0 && rules.fullStrip)) && rest + Int(prefix.stripLength) >= Int(prefix.conditionCount)
    else {
      return -1
    }
    guard prefix.traits.contains(.crossProduct) && position != .begin else { return -1 }
    var stem = state.buffer()
    defer { state.recycle(stem) }
    stem.append(contentsOf: prefixTable.strip(prefix))
    stem.append(contentsOf: word[start + Int(prefix.appendLength)..<start + length])
    guard prefixTable.conditionHolds(prefix, stem, 0..<stem.count) else { return -1 }
    return twoSuffixCheck(stem, 0, stem.count, crossProduct: true, prefix: index, &state, needFlag: needFlag)
  }
}
