/// Finding a word as a compound (Hunspell's `compound_check`): split it after each possible first
/// part, check the part by COMPOUNDFLAG / COMPOUNDBEGIN… (or COMPOUNDRULE), then the rest as a last
/// part or, recursively, as a compound itself; with CHECKCOMPOUNDPATTERN (and its simplified
/// forms), CHECKCOMPOUNDTRIPLE, SIMPLIFIEDTRIPLE, CHECKCOMPOUNDCASE, CHECKCOMPOUNDDUP,
/// CHECKCOMPOUNDREP, COMPOUNDWORDMAX, FORCEUCASE and the Hungarian syllable rules. This follows
/// Hunspell's control flow closely, as its results depend on it.
extension SpellEngine {
  /// How long one compound search may take before it gives up, as in Hunspell (longer in debug
  /// builds, see `timeLimitScale`).
  static let compoundTimeLimit = Duration.milliseconds(50 * timeLimitScale)

  /// The first part's entry of a compound reading of `word`, or -1.
  func compoundCheck(_ word: [UInt8], wordCount startWordCount: Int, syllables startSyllables: Int,
                     maxWords: Int, wordIndex: Int, usingRules startUsingRules: Bool, hungarianMovingRule: Bool,
                     info: inout SpellCheckInfo, _ state: inout LookupState) -> Int32 {
    guard wordIndex + 1 < maxWords else { return -1 }
    if wordIndex == 0 || state.compoundStart == nil {
      state.compoundStart = .now
      state.clockCountdown = 8
      state.compoundTimedOut = false
    } else if outOfTime(&state) {
      state.compoundTimedOut = true
    }

    var (minimum, maximum) = splitBounds(word, word.count)
    var st = word
    var length = word.count
    var wordCount = startWordCount
    var syllableCount = startSyllables
    var simplifiedPattern = 0  // scpd: 1 + the CHECKCOMPOUNDPATTERN being tried in simplified form
    var savedIndex = 0, savedLength = 0, savedMinimum = 0, savedMaximum = 0  // soldi, oldlen, oldcmin, oldcmax
    var simplifiedTriple = false, checkedSimplifiedTriple = false  // striple, checkedstriple
    var characterAtSplit: UInt8 = 0
    var oldWordCount = wordCount
    let patterns = rules.compoundPatterns
    let hungarian = rules.languageKind == .hungarian
    let flagCompounding = rules.compoundFlag != 0 || rules.compoundBegin != 0 || rules.compoundMiddle != 0 || hungarian

    var i = minimum
    while i < maximum {
      while i < st.count && DictionaryUTF8.isContinuation(st[i]) { i += 1 }
      if i >= maximum { return -1 }
      var usingRules = startUsingRules
      // Without flag compounding (COMPOUNDRULE alone), the pass by flags can accept nothing.
      var onlyRules = usingRules || !flagCompounding ? 1 : 0
      repeat {  // first by flags, then by COMPOUNDRULE
        let oldSyllableCount = syllableCount
        oldWordCount = wordCount
        var checkedPrefix = false
        simplifiedLoop: repeat {  // each simplified CHECKCOMPOUNDPATTERN
          if state.compoundTimedOut || outOfTime(&state) {
            state.compoundTimedOut = true
            return -1
          }
          if simplifiedPattern > 0 {
            while simplifiedPattern <= patterns.count {
              let replacement = patterns[simplifiedPattern - 1].replacement
              if !replacement.isEmpty && i <= word.count && i + replacement.count <= word.count
                && word[i..<i + replacement.count].elementsEqual(replacement)
              {
                break
              }
              simplifiedPattern += 1
            }
            if simplifiedPattern > patterns.count { break simplifiedLoop }
            let pattern = patterns[simplifiedPattern - 1]
            st = Array(st[0..<min(i, st.count)]) + pattern.left
            savedIndex = i
            i += pattern.left.count
            st = Array(st[0..<min(i, st.count)]) + pattern.right
            st += word[min(savedIndex + pattern.replacement.count, word.count)...]
            savedLength = length
            length += pattern.left.count + pattern.right.count - pattern.replacement.count
            savedMinimum = minimum
            savedMaximum = maximum
            (minimum, maximum) = splitBounds(st, length)
            maximum = length - rules.compoundMinimum + 1
          }
          if i >= st.count { return -1 }
          characterAtSplit = st[i]
          st[i] = 0  // as Hunspell ends the first part here (the byte matters to later splits)
          state.suffix = -1
          state.prefix = -1

          // THE FIRST PART: st[0..<i].
          var entry = lookup(st, 0..<i)
          // COMPOUNDFORBIDFLAG on the stem forbids it in compounds, whatever permits it.
          if entry >= 0 && rules.compoundForbidFlag != 0 && has(entry, rules.compoundForbidFlag) && !hungarianMovingRule {
            let wouldContinue = onlyRules == 0 && rules.simplifiedCompoundPatterns
            if simplifiedPattern == 0 && wouldContinue { break simplifiedLoop }
            if simplifiedPattern > 0 && wouldContinue {
              minimum = savedMinimum
              maximum = savedMaximum
            }
            continue simplifiedLoop
          }
          // The first homonym allowed at the start of a compound.
          while entry >= 0 && !hungarianMovingRule {
            if rules.needAffix != 0 && has(entry, rules.needAffix) {
              entry = next(entry)
              continue
            }
            let allowed =
              (rules.compoundFlag != 0 && !usingRules && onlyRules == 0 && has(entry, rules.compoundFlag))
              || (rules.compoundBegin != 0 && wordCount == 0 && onlyRules == 0 && has(entry, rules.compoundBegin))
              || (rules.compoundMiddle != 0 && wordCount != 0 && !usingRules && onlyRules == 0
                && has(entry, rules.compoundMiddle))
              || (!rules.compoundRules.isEmpty && onlyRules != 0
                && ((!usingRules && wordCount == 0
                  && compoundRuleCheck(&usingRules, wordIndex, maxWords, entry, canStart: true, complete: false, &state))
                  || (usingRules
                    && compoundRuleCheck(&usingRules, wordIndex, maxWords, entry, canStart: true, complete: false,
                                         &state))))
            let patternFlagMissing = simplifiedPattern != 0 && patterns[simplifiedPattern - 1].leftFlag != 0
              && !has(entry, patterns[simplifiedPattern - 1].leftFlag)
            if !allowed || patternFlagMissing {
              entry = next(entry)
            } else {
              break
            }
          }

          if entry < 0 {
            if onlyRules != 0 { break simplifiedLoop }
            let firstPosition: CompoundPosition = hungarianMovingRule ? .other : .begin
            if rules.compoundFlag != 0 {
              entry = prefixCheck(st, 0, i, firstPosition, &state, needFlag: rules.compoundFlag)
              if entry < 0 {
                entry = suffixCheck(st, 0, i, crossProduct: false, prefix: -1, &state, needFlag: rules.compoundFlag,
                                    position: firstPosition)
                if entry < 0 && rules.compoundMoreSuffixes {
                  entry = twoSuffixCheck(st, 0, i, crossProduct: false, prefix: -1, &state, needFlag: rules.compoundFlag)
                }
                if entry >= 0 && !hungarianMovingRule && state.suffix >= 0
                  && (continues(suffix: state.suffix, rules.compoundForbidFlag)
                    || continues(suffix: state.suffix, rules.compoundEnd))
                {
                  entry = -1
                }
              }
            }
            if entry >= 0 {
              checkedPrefix = true
            } else if wordCount == 0 && rules.compoundBegin != 0 {
              entry = suffixCheck(st, 0, i, crossProduct: false, prefix: -1, &state, needFlag: rules.compoundBegin,
                                  position: firstPosition)
              if entry < 0 && rules.compoundMoreSuffixes {
                entry = twoSuffixCheck(st, 0, i, crossProduct: false, prefix: -1, &state, needFlag: rules.compoundBegin)
              }
              if entry < 0 {
                entry = prefixCheck(st, 0, i, firstPosition, &state, needFlag: rules.compoundBegin)
              }
              if entry >= 0 { checkedPrefix = true }
            } else if wordCount > 0 && rules.compoundMiddle != 0 {
              entry = suffixCheck(st, 0, i, crossProduct: false, prefix: -1, &state, needFlag: rules.compoundMiddle,
                                  position: firstPosition)
              if entry < 0 && rules.compoundMoreSuffixes {
                entry = twoSuffixCheck(st, 0, i, crossProduct: false, prefix: -1, &state, needFlag: rules.compoundMiddle)
              }
              if entry < 0 {
                entry = prefixCheck(st, 0, i, firstPosition, &state, needFlag: rules.compoundMiddle)
              }
              if entry >= 0 { checkedPrefix = true }
            }
          } else if has(entry, rules.forbiddenWord) || has(entry, rules.needAffix)
            || has(entry, ReservedFlag.onlyUppercase)
            || (state.forSuggestion && rules.noSuggest != 0 && has(entry, rules.noSuggest))
          {
            st[i] = characterAtSplit
            break simplifiedLoop
          }

          // COMPOUNDFORBIDFLAG on the affixes, and affixes that only end or sit inside compounds.
          if entry >= 0 && !hungarianMovingRule
            && (continues(prefix: state.prefix, rules.compoundForbidFlag)
              || continues(suffix: state.suffix, rules.compoundForbidFlag))
          {
            entry = -1
          }
          if entry >= 0 && !checkedPrefix && rules.compoundEnd != 0 && !hungarianMovingRule
            && (continues(prefix: state.prefix, rules.compoundEnd) || continues(suffix: state.suffix, rules.compoundEnd))
          {
            entry = -1
          }
          if entry >= 0 && !checkedPrefix && wordCount == 0 && rules.compoundMiddle != 0 && !hungarianMovingRule
            && (continues(prefix: state.prefix, rules.compoundMiddle)
              || continues(suffix: state.suffix, rules.compoundMiddle))
          {
            entry = -1
          }
          if entry >= 0 && (has(entry, rules.forbiddenWord) || has(entry, ReservedFlag.onlyUppercase)
            || (state.forSuggestion && rules.noSuggest != 0 && has(entry, rules.noSuggest)))
          {
            return -1
          }
          if entry >= 0 && rules.compoundRoot != 0 && has(entry, rules.compoundRoot) { wordCount += 1 }

          // Is the first part acceptable?
          var firstOK = false
          if entry >= 0 {
            let permitted = checkedPrefix || (usingRules && state.ruleWords[wordIndex] >= 0)
              || (rules.compoundFlag != 0 && has(entry, rules.compoundFlag))
              || (oldWordCount == 0 && rules.compoundBegin != 0 && has(entry, rules.compoundBegin))
              || (oldWordCount > 0 && rules.compoundMiddle != 0 && has(entry, rules.compoundMiddle))
              || (hungarian && hungarianMovingRule
                && (has(entry, AffixFlag(UInt8(ascii: "F"))) || has(entry, AffixFlag(UInt8(ascii: "G")))
                  || has(entry, AffixFlag(UInt8(ascii: "H")))))
            let patternFlagOK = simplifiedPattern == 0 || patterns[simplifiedPattern - 1].leftFlag == 0
              || joinSide(entry, prefix: state.prefix, suffix: state.suffix, has: patterns[simplifiedPattern - 1].leftFlag)
            var tripled = false
            if rules.checkCompoundTriple && simplifiedPattern == 0 && !usingRules && i < word.count {
              tripled = tripleLetters(word, at: i)
            }
            let badCase = rules.checkCompoundCase && simplifiedPattern == 0 && !usingRules && i < word.count
              && compoundCaseForbids(word, i)
            firstOK = permitted && patternFlagOK && !tripled && !badCase
          } else if hungarian && hungarianMovingRule {
            if let match = affixCheck(st, 0, i, &state), state.suffix >= 0 {
              if continues(suffix: state.suffix, AffixFlag(UInt8(ascii: "x")))
                || continues(suffix: state.suffix, AffixFlag(UInt8(ascii: "%")))
              {
                entry = match.entry
                firstOK = true
              }
            }
          }

          if firstOK {
            if hungarian {
              syllableCount += syllables(st[0..<i])
              if state.prefix >= 0 && syllables(prefixTable.append(prefixTable.records[Int(state.prefix)])) > 1 { wordCount += 1 }
            }

            // THE REST.
            let first = entry
            let firstPrefix = state.prefix
            let firstSuffix = state.suffix
            st[i] = characterAtSplit

            tripleLoop: repeat {
              if rules.simplifiedTriple {
                if simplifiedTriple {
                  checkedSimplifiedTriple = true
                  i -= 1  // "fahrt" instead of "ahrt" in "Schiffahrt"
                } else if i > 2 && i <= word.count && word[i - 1] == word[i - 2] {
                  simplifiedTriple = true
                }
              }

              // The rest as a dictionary word.
              entry = lookup(st, i..<st.count)
              while entry >= 0 {
                if rules.needAffix != 0 && has(entry, rules.needAffix) {
                  entry = next(entry)
                  continue
                }
                let allowed = (rules.compoundFlag != 0 && !usingRules && has(entry, rules.compoundFlag))
                  || (rules.compoundEnd != 0 && !usingRules && has(entry, rules.compoundEnd))
                  || (!rules.compoundRules.isEmpty && usingRules
                    && compoundRuleCheck(&usingRules, wordIndex + 1, maxWords, entry, canStart: false, complete: true,
                                         &state))
                let patternFlagMissing = simplifiedPattern != 0 && patterns[simplifiedPattern - 1].rightFlag != 0
                  && !has(entry, patterns[simplifiedPattern - 1].rightFlag)
                if !allowed || patternFlagMissing {
                  entry = next(entry)
                } else {
                  break
                }
              }
              if entry >= 0 && rules.forceUppercase != 0 && has(entry, rules.forceUppercase)
                && !info.contains(.originalCapitals)
              {
                entry = -1
              }
              if entry >= 0 && usingRules && state.ruleWords[wordIndex + 1] >= 0 { return first }

              let oldSyllableCount2 = syllableCount
              let oldWordCount2 = wordCount
              if entry >= 0 && hungarian && has(entry, AffixFlag(UInt8(ascii: "I"))) && !has(entry, AffixFlag(UInt8(ascii: "J"))) {
                syllableCount -= 1
              }
              if entry >= 0 && rules.compoundRoot != 0 && has(entry, rules.compoundRoot) { wordCount += 1 }
              if entry >= 0 && (has(entry, rules.forbiddenWord) || has(entry, ReservedFlag.onlyUppercase)
                || (state.forSuggestion && rules.noSuggest != 0 && has(entry, rules.noSuggest)))
              {
                return -1
              }
              if entry >= 0
                && ((rules.compoundFlag != 0 && has(entry, rules.compoundFlag))
                  || (rules.compoundEnd != 0 && has(entry, rules.compoundEnd)))
                && ((rules.compoundWordMaximum == -1 || wordCount + 1 < rules.compoundWordMaximum)
                  || (rules.compoundMaximumSyllables != 0
                    && syllableCount + syllables(words.word(entry)) <= rules.compoundMaximumSyllables))
                && (patterns.isEmpty || simplifiedPattern != 0
                  || (i < word.count && !compoundPatternForbids(word, i, first: first, second: entry,
                                                               firstPrefix: firstPrefix, firstSuffix: firstSuffix)))
                && (!rules.checkCompoundDuplication || entry != first)
                && (simplifiedPattern == 0 || patterns[simplifiedPattern - 1].rightFlag == 0
                  || has(entry, patterns[simplifiedPattern - 1].rightFlag))
              {
                if (rules.checkCompoundReplacement && compoundLooksLikeMisspelling(word, length, &state))
                  || compoundIsWordPair(word, length, &state)
                {
                  return -1
                }
                return first
              }
              syllableCount = oldSyllableCount2
              wordCount = oldWordCount2

              // The rest as an affixed word.
              state.suffix = -1
              state.suffixFlag = 0
              var secondPrefix: Int32 = -1
              var secondSuffix: Int32 = -1
              entry = -1
              if rules.compoundFlag != 0 && onlyRules == 0 && i < word.count,
                let match = affixCheck(word, i, word.count - i, &state, needFlag: rules.compoundFlag, position: .end)
              {
                entry = match.entry
                secondPrefix = match.prefix
                secondSuffix = match.suffix
              }
              if entry < 0 && rules.compoundEnd != 0 && onlyRules == 0 {
                state.suffix = -1
                state.prefix = -1
                if i < word.count,
                  let match = affixCheck(word, i, word.count - i, &state, needFlag: rules.compoundEnd, position: .end)
                {
                  entry = match.entry
                  secondPrefix = match.prefix
                  secondSuffix = match.suffix
                }
              }
              if entry < 0 && !rules.compoundRules.isEmpty && usingRules {
                if i < word.count, let match = affixCheck(word, i, word.count - i, &state, position: .end) {
                  entry = match.entry
                }
                if entry >= 0
                  && compoundRuleCheck(&usingRules, wordIndex + 1, maxWords, entry, canStart: false, complete: true,
                                       &state)
                {
                  return first
                }
                entry = -1
              }
              if entry >= 0 && simplifiedPattern != 0 && patterns[simplifiedPattern - 1].rightFlag != 0
                && !joinSide(entry, prefix: secondPrefix, suffix: secondSuffix,
                             has: patterns[simplifiedPattern - 1].rightFlag)
              {
                entry = -1
              }
              if entry >= 0 && !patterns.isEmpty && simplifiedPattern == 0
                && compoundPatternForbids(word, i, first: first, second: entry, firstPrefix: firstPrefix,
                                          firstSuffix: firstSuffix, secondPrefix: secondPrefix,
                                          secondSuffix: secondSuffix)
              {
                entry = -1
              }
              if entry >= 0
                && (continues(prefix: state.prefix, rules.compoundForbidFlag)
                  || continues(suffix: state.suffix, rules.compoundForbidFlag))
              {
                entry = -1
              }
              if entry >= 0 && rules.forceUppercase != 0 && has(entry, rules.forceUppercase)
                && !info.contains(.originalCapitals)
              {
                entry = -1
              }
              if entry >= 0 && (has(entry, rules.forbiddenWord) || has(entry, ReservedFlag.onlyUppercase)
                || (state.forSuggestion && rules.noSuggest != 0 && has(entry, rules.noSuggest)))
              {
                return -1
              }

              if hungarian {
                if i < word.count { syllableCount += syllables(word[i...]) }
                if state.suffixAppend >= 0 {
                  syllableCount -= syllables(suffixTable.append(suffixTable.records[Int(state.suffixAppend)])) + state.suffixExtra
                } else {
                  syllableCount -= state.suffixExtra
                }
                if state.prefix >= 0 && syllables(prefixTable.append(prefixTable.records[Int(state.prefix)])) > 1 { wordCount += 1 }
                if !rules.syllableNumberFlags.isEmpty {
                  switch state.suffixFlag {
                  case AffixFlag(UInt8(ascii: "c")): syllableCount += 2
                  case AffixFlag(UInt8(ascii: "J")): syllableCount += 1
                  case AffixFlag(UInt8(ascii: "I")):
                    if entry >= 0 && has(entry, AffixFlag(UInt8(ascii: "J"))) { syllableCount += 1 }
                  default: break
                  }
                }
              }
              if entry >= 0 && rules.compoundRoot != 0 && has(entry, rules.compoundRoot) { wordCount += 1 }
              if entry >= 0
                && ((rules.compoundWordMaximum == -1 || wordCount + 1 < rules.compoundWordMaximum)
                  || (rules.compoundMaximumSyllables != 0 && syllableCount <= rules.compoundMaximumSyllables))
                && (!rules.checkCompoundDuplication || entry != first)
              {
                if (rules.checkCompoundReplacement && compoundLooksLikeMisspelling(word, length, &state))
                  || compoundIsWordPair(word, length, &state)
                {
                  return -1
                }
                return first
              }
              syllableCount = oldSyllableCount2
              wordCount = oldWordCount2

              // The rest as a compound itself (only when more than two parts are allowed).
              if !info.contains(.compoundOfTwo) && wordCount + 2 < maxWords && wordIndex + 1 < maxWords {
                entry = compoundCheck(Array(st[i...]), wordCount: wordCount + 1, syllables: syllableCount,
                                      maxWords: maxWords, wordIndex: wordIndex + 1, usingRules: usingRules,
                                      hungarianMovingRule: false, info: &info, &state)
                if entry >= 0 && !patterns.isEmpty && i < word.count {
                  let forbidden = compoundPatternForbids(word, i, first: first, second: entry, firstPrefix: firstPrefix,
                                                         firstSuffix: firstSuffix)
                  if (simplifiedPattern == 0 && forbidden) || (simplifiedPattern != 0 && !forbidden) { entry = -1 }
                }
              } else {
                entry = -1
              }
              if entry >= 0 {
                if compoundIsWordPair(word, length, &state) { return -1 }
                if rules.checkCompoundReplacement || rules.forbiddenWord != 0 {
                  if rules.checkCompoundReplacement && compoundLooksLikeMisspelling(word, length, &state) {
                    return -1
                  }
                  // The first part plus the second part's word may be a misspelling, or forbidden.
                  let partLength = words.wordLength(entry)
                  if i < word.count && i + partLength <= word.count
                    && word[i..<i + partLength].elementsEqual(words.word(entry))
                  {
                    let end = i + partLength
                    if (rules.checkCompoundReplacement && compoundLooksLikeMisspelling(st, end, &state))
                      || compoundIsWordPair(st, end, &state)
                    {
                      continue tripleLoop
                    }
                    if rules.forbiddenWord != 0 {
                      var whole = lookup(word)
                      if whole < 0 && length <= word.count {
                        whole = affixCheck(word, 0, length, &state)?.entry ?? -1
                      }
                      if whole >= 0 && has(whole, rules.forbiddenWord) {
                        let stem = words.word(whole)
                        if stem.count >= end && end <= st.count && stem.prefix(end).elementsEqual(st[0..<end]) {
                          return -1
                        }
                      }
                    }
                  }
                }
                return first
              }
            } while simplifiedTriple && !checkedSimplifiedTriple

            if checkedSimplifiedTriple {
              i += 1
              checkedSimplifiedTriple = false
              simplifiedTriple = false
            }
          }

          if savedIndex != 0 {
            i = savedIndex
            savedIndex = 0
            length = savedLength
            minimum = savedMinimum
            maximum = savedMaximum
          }
          simplifiedPattern += 1
        } while onlyRules == 0 && rules.simplifiedCompoundPatterns && simplifiedPattern <= patterns.count

        simplifiedPattern = 0
        wordCount = oldWordCount
        syllableCount = oldSyllableCount
        if savedIndex != 0 {
          i = savedIndex
          st = word
          savedIndex = 0
          length = savedLength
          minimum = savedMinimum
          maximum = savedMaximum
        } else if i < st.count {
          st[i] = characterAtSplit
        }
        let again = !rules.compoundRules.isEmpty && oldWordCount == 0 && onlyRules < 1
        onlyRules += 1
        if !again { break }
      } while true
      i += 1
    }
    return -1
  }

  /// Whether the compound search has run longer than Hunspell allows (the clock is read every
  /// eighth time).
  @inline(__always)
  private func outOfTime(_ state: inout LookupState) -> Bool {
    state.clockCountdown -= 1
    guard state.clockCountdown <= 0, let start = state.compoundStart else { return false }
    state.clockCountdown = 8
    return ContinuousClock.now - start > Self.compoundTimeLimit
  }

  /// Hunspell's `setcminmax`: the first and one past the last byte where the first part may end,
  /// COMPOUNDMIN characters from each end.
  private func splitBounds(_ word: [UInt8], _ length: Int) -> (Int, Int) {
    let minimumCharacters = rules.compoundMinimum
    var minimum = 0
    var count = 0
    while count < minimumCharacters && minimum < length {
      minimum += 1
      while minimum < length && minimum < word.count && DictionaryUTF8.isContinuation(word[minimum]) { minimum += 1 }
      count += 1
    }
    var maximum = length
    count = 0
    while count < minimumCharacters - 1 && maximum > 0 {
      maximum -= 1
      while maximum > 0 && maximum < word.count && DictionaryUTF8.isContinuation(word[maximum]) { maximum -= 1 }
      count += 1
    }
    return (minimum, maximum)
  }

  /// Whether three equal letters meet at the join `position` (CHECKCOMPOUNDTRIPLE).
  private func tripleLetters(_ word: [UInt8], at position: Int) -> Bool {
    guard position > 0, position < word.count, word[position - 1] == word[position] else { return false }
    if position > 1 && word[position - 1] == word[position - 2] { return true }
    return position + 1 < word.count && word[position - 1] == word[position + 1]
  }

  @inline(__always)
  private func continues(prefix: Int32, _ flag: AffixFlag) -> Bool {
    prefixTable.continues(rule: prefix, flag)
  }

  @inline(__always)
  private func continues(suffix: Int32, _ flag: AffixFlag) -> Bool {
    suffixTable.continues(rule: suffix, flag)
  }
}
