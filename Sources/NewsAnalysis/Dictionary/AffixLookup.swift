/// Finding a word as a dictionary stem with a prefix, a suffix, both (cross products), or two
/// suffixes (continuation classes), in Hunspell's order: the first analysis found is the answer.
extension SpellEngine {
  /// Looks for an affixed analysis of `word[start..<start+length]` (Hunspell's `affix_check`):
  /// prefixes (and prefix + suffix), suffixes, then twofold suffixes. `needFlag` is a flag the stem
  /// or an affix must carry (compounding), `avoidFlag` one the stem must not have.
  func affixCheck(_ word: [UInt8], _ start: Int, _ length: Int, _ state: inout LookupState,
                  needFlag: Flag = 0, position: CompoundPosition = .none, avoidFlag: Flag = 0) -> AffixMatch? {
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

  // MARK: - Prefixes

  /// Hunspell's `prefix_check`: a prefix, alone or crossed with a suffix.
  func prefixCheck(_ word: [UInt8], _ start: Int, _ length: Int, _ position: CompoundPosition,
                   _ state: inout LookupState, needFlag: Flag = 0, avoidFlag: Flag = 0) -> Int32 {
    state.prefix = -1
    state.suffixAppend = -1
    state.suffixExtra = 0
    for index in rules.prefixes.emptyAppends {
      let entry = tryPrefix(index, word, start, length, position, &state, needFlag: needFlag, avoidFlag: avoidFlag)
      if entry >= 0 {
        state.prefix = index
        return entry
      }
    }
    var matches = rules.prefixes.matches(in: word, start..<start + length)
    while let index = matches.next() {
      let entry = tryPrefix(index, word, start, length, position, &state, needFlag: needFlag, avoidFlag: avoidFlag)
      if entry >= 0 {
        state.prefix = index
        return entry
      }
    }
    return -1
  }

  @inline(__always)
  private func tryPrefix(_ index: Int32, _ word: [UInt8], _ start: Int, _ length: Int, _ position: CompoundPosition,
                         _ state: inout LookupState, needFlag: Flag, avoidFlag: Flag) -> Int32 {
    let prefix = prefixEntries[Int(index)]
    // Prefixes only allowed inside compounds, and prefixes on the last part of a compound.
    if position == .none && prefix.continues(rules.onlyInCompound) { return -1 }
    if position == .end && !prefix.continues(rules.compoundPermitFlag) { return -1 }
    var entry = prefixEntryCheck(index, word, start, length, position, &state, needFlag: needFlag)
    if entry >= 0 && avoidFlag != 0 && has(entry, avoidFlag) { entry = -1 }
    return entry
  }

  /// Hunspell's `PfxEntry::checkword`: remove the prefix, restore the stripped characters, check
  /// the condition, look the stem up; then try a suffix too when the rule crosses.
  private func prefixEntryCheck(_ index: Int32, _ word: [UInt8], _ start: Int, _ length: Int,
                                _ position: CompoundPosition, _ state: inout LookupState, needFlag: Flag) -> Int32 {
    let prefix = prefixEntries[Int(index)]
    let rest = length - prefix.append.count
    guard rest > 0 || (rest == 0 && rules.fullStrip) else { return -1 }
    var stem = prefix.strip
    stem.append(contentsOf: word[start + prefix.append.count..<start + length])
    guard prefix.condition.matchesStart(of: stem, 0..<stem.count) else { return -1 }
    var entry = lookup(stem)
    while entry >= 0 {
      if prefixApplies(prefix, to: entry, needFlag: needFlag) { return entry }
      entry = next(entry)
    }
    if prefix.crossProduct {
      entry = suffixCheck(stem, 0, stem.count, crossProduct: true, prefix: index, &state, needFlag: needFlag,
                          position: position)
      if entry >= 0 { return entry }
    }
    return -1
  }

  /// Whether a prefix may go on a dictionary entry on its own.
  @inline(__always)
  private func prefixApplies(_ prefix: AffixEntry, to entry: Int32, needFlag: Flag) -> Bool {
    guard has(entry, prefix.flag) else { return false }
    // A prefix that needs a further affix, or the prefix half of a circumfix, cannot stand alone.
    if prefix.continues(rules.needAffix) || prefix.continues(rules.circumfix) { return false }
    if needFlag != 0 && !has(entry, needFlag) && !prefix.continues(needFlag) { return false }
    return true
  }

  // MARK: - Suffixes

  /// Hunspell's `suffix_check`. `crossProduct`: the suffix is tried under `prefix` (whose stem this
  /// is), so it must cross; `continuationFlag`: the suffix must carry this continuation flag (it
  /// is the inner suffix of two).
  func suffixCheck(_ word: [UInt8], _ start: Int, _ length: Int, crossProduct: Bool, prefix: Int32,
                   _ state: inout LookupState, continuationFlag: Flag = 0, needFlag: Flag = 0,
                   position: CompoundPosition = .none, avoidFlag: Flag = 0) -> Int32 {
    let badFlag = position == .none ? rules.onlyInCompound : 0
    for index in rules.suffixes.emptyAppends {
      let suffix = suffixEntries[Int(index)]
      guard continuationFlag == 0 || !suffix.continuation.isEmpty else { continue }
      guard suffixApplicable(suffix, prefix: prefix, continuationFlag: continuationFlag, position: position) else {
        continue
      }
      var entry = suffixEntryCheck(suffix, word, start, length, crossProduct: crossProduct, prefix: prefix,
                                   continuationFlag: continuationFlag, needFlag: needFlag, badFlag: badFlag)
      if entry >= 0 && avoidFlag != 0 && has(entry, avoidFlag) { entry = -1 }
      if entry >= 0 {
        state.suffix = index
        return entry
      }
    }
    guard length > 0 else { return -1 }
    var matches = rules.suffixes.matches(in: word, start..<start + length)
    while let index = matches.next() {
      let suffix = suffixEntries[Int(index)]
      guard suffixApplicable(suffix, prefix: prefix, continuationFlag: continuationFlag, position: position) else {
        continue
      }
      // A suffix only allowed in compounds cannot end one unless a prefix came with it.
      if position == .end && prefix < 0 && suffix.continues(rules.onlyInCompound) { continue }
      var entry = suffixEntryCheck(suffix, word, start, length, crossProduct: crossProduct, prefix: prefix,
                                   continuationFlag: continuationFlag, needFlag: needFlag, badFlag: badFlag)
      if entry >= 0 && avoidFlag != 0 && has(entry, avoidFlag) { entry = -1 }
      if entry >= 0 {
        state.suffix = index
        state.suffixFlag = suffix.flag
        if suffix.continuation.isEmpty {
          state.suffixAppend = index
        } else if rules.languageKind == .hungarian, let last = suffix.append.last, last == UInt8(ascii: "i") {
          let before = suffix.append.count > 1 ? suffix.append[suffix.append.count - 2] : 0
          if before != UInt8(ascii: "y") && before != UInt8(ascii: "t") { state.suffixExtra = 1 }
        }
        return entry
      }
    }
    return -1
  }

  /// Hunspell's `suffix_applicable`: whether a suffix may be tried at all here.
  @inline(__always)
  private func suffixApplicable(_ suffix: AffixEntry, prefix: Int32, continuationFlag: Flag,
                                position: CompoundPosition) -> Bool {
    // At the start of a compound only suffixes with COMPOUNDPERMITFLAG.
    if position == .begin && !(rules.compoundPermitFlag != 0 && suffix.continues(rules.compoundPermitFlag)) {
      return false
    }
    if rules.circumfix != 0 {
      let inPrefix = prefix >= 0 && prefixEntries[Int(prefix)].continues(rules.circumfix)
      if inPrefix != suffix.continues(rules.circumfix) { return false }
    }
    if position == .none && suffix.continues(rules.onlyInCompound) { return false }
    // A NEEDAFFIX suffix needs a further affix: a second suffix, or a prefix that does not itself
    // need one.
    if continuationFlag == 0 && suffix.continues(rules.needAffix) {
      let prefixStandsAlone = prefix >= 0 && !prefixEntries[Int(prefix)].continues(rules.needAffix)
      if !prefixStandsAlone { return false }
    }
    return true
  }

  /// Hunspell's `SfxEntry::checkword`.
  private func suffixEntryCheck(_ suffix: AffixEntry, _ word: [UInt8], _ start: Int, _ length: Int,
                                crossProduct: Bool, prefix: Int32, continuationFlag: Flag, needFlag: Flag,
                                badFlag: Flag) -> Int32 {
    if crossProduct && !suffix.crossProduct { return -1 }
    let rest = length - suffix.append.count
    guard (rest > 0 || (rest == 0 && rules.fullStrip)) && rest + suffix.strip.count >= suffix.condition.count else {
      return -1
    }
    var entry: Int32
    if suffix.strip.isEmpty {
      guard suffix.condition.matchesEnd(of: word, start..<start + rest) else { return -1 }
      entry = lookup(word, start..<start + rest)
    } else {
      var stem = Array(word[start..<start + rest])
      stem.append(contentsOf: suffix.strip)
      guard suffix.condition.matchesEnd(of: stem, 0..<stem.count) else { return -1 }
      entry = lookup(stem)
    }
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

  /// Whether a suffix may go on a dictionary entry (Hunspell's `SfxEntry::applies_to`).
  @inline(__always)
  private func suffixApplies(_ suffix: AffixEntry, to entry: Int32, crossProduct: Bool, prefix: Int32,
                             continuationFlag: Flag, needFlag: Flag, badFlag: Flag) -> Bool {
    // The stem takes the suffix, or the prefix enables it.
    if !has(entry, suffix.flag) && !(prefix >= 0 && prefixEntries[Int(prefix)].continues(suffix.flag)) {
      return false
    }
    // Crossed with a prefix: the stem takes the prefix too, or the suffix enables it.
    if crossProduct {
      let prefixFlag = prefix >= 0 ? prefixEntries[Int(prefix)].flag : 0
      let inStem = prefix >= 0 && has(entry, prefixFlag)
      let inSuffix = prefix >= 0 && suffix.continues(prefixFlag)
      if !inStem && !inSuffix { return false }
    }
    if continuationFlag != 0 && !suffix.continues(continuationFlag) { return false }
    if badFlag != 0 && has(entry, badFlag) { return false }
    if needFlag != 0 && !has(entry, needFlag) && !suffix.continues(needFlag) { return false }
    return true
  }

  // MARK: - Two suffixes

  /// Hunspell's `suffix_check_twosfx`: an outer suffix whose flag some inner suffix continues with.
  func twoSuffixCheck(_ word: [UInt8], _ start: Int, _ length: Int, crossProduct: Bool, prefix: Int32,
                      _ state: inout LookupState, needFlag: Flag = 0) -> Int32 {
    for index in rules.suffixes.emptyAppends {
      let suffix = suffixEntries[Int(index)]
      guard rules.continuationFlags.contains(suffix.flag) else { continue }
      let entry = outerSuffixCheck(suffix, word, start, length, crossProduct: crossProduct, prefix: prefix, &state,
                                   needFlag: needFlag)
      if entry >= 0 { return entry }
    }
    guard length > 0 else { return -1 }
    var matches = rules.suffixes.matches(in: word, start..<start + length)
    while let index = matches.next() {
      let suffix = suffixEntries[Int(index)]
      guard rules.continuationFlags.contains(suffix.flag) else { continue }
      let entry = outerSuffixCheck(suffix, word, start, length, crossProduct: crossProduct, prefix: prefix, &state,
                                   needFlag: needFlag)
      if entry >= 0 {
        state.suffixFlag = suffix.flag
        if suffix.continuation.isEmpty { state.suffixAppend = index }
        return entry
      }
    }
    return -1
  }

  /// Hunspell's `SfxEntry::check_twosfx`: remove the outer suffix, then look for an inner one that
  /// continues with it.
  private func outerSuffixCheck(_ suffix: AffixEntry, _ word: [UInt8], _ start: Int, _ length: Int,
                                crossProduct: Bool, prefix: Int32, _ state: inout LookupState, needFlag: Flag) -> Int32 {
    if crossProduct && !suffix.crossProduct { return -1 }
    let rest = length - suffix.append.count
    guard (rest > 0 || (rest == 0 && rules.fullStrip)) && rest + suffix.strip.count >= suffix.condition.count else {
      return -1
    }
    var stem = Array(word[start..<start + rest])
    stem.append(contentsOf: suffix.strip)
    guard suffix.condition.matchesEnd(of: stem, 0..<stem.count) else { return -1 }
    if prefix >= 0 {
      // A suffix that itself enables the prefix ("conditional suffix").
      if suffix.continues(prefixEntries[Int(prefix)].flag) {
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
                            _ state: inout LookupState, needFlag: Flag = 0) -> Int32 {
    state.prefix = -1
    state.suffixAppend = -1
    state.suffixExtra = 0
    for index in rules.prefixes.emptyAppends {
      let entry = prefixTwoSuffixEntryCheck(index, word, start, length, position, &state, needFlag: needFlag)
      if entry >= 0 { return entry }
    }
    var matches = rules.prefixes.matches(in: word, start..<start + length)
    while let index = matches.next() {
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
                                         needFlag: Flag) -> Int32 {
    let prefix = prefixEntries[Int(index)]
    let rest = length - prefix.append.count
    guard (rest > 0 || (rest == 0 && rules.fullStrip)) && rest + prefix.strip.count >= prefix.condition.count else {
      return -1
    }
    var stem = prefix.strip
    stem.append(contentsOf: word[start + prefix.append.count..<start + length])
    guard prefix.condition.matchesStart(of: stem, 0..<stem.count) else { return -1 }
    guard prefix.crossProduct && position != .begin else { return -1 }
    return twoSuffixCheck(stem, 0, stem.count, crossProduct: true, prefix: index, &state, needFlag: needFlag)
  }
}
