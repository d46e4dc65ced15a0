/// Reads an `.aff` file into `AffixRules`, in Hunspell's two passes: first the settings the word
/// list needs (SET, FLAG, AF, AM, IGNORE, COMPLEXPREFIXES, LANG, REP), then everything else. Like
/// Hunspell, the second pass stops at the first broken directive and keeps what it has read (the
/// problem is noted in `warnings`); only an unknown character set is an error.
struct AffixFileParser {
  private let bytes: [UInt8]
  private let lines: [Range<Int>]
  private var rules = AffixRules()
  private let fileName: String

  static func parse(_ bytes: [UInt8], fileName: String = "the .aff file") throws(DictionaryError) -> AffixRules {
    var parser = AffixFileParser(bytes: bytes, fileName: fileName)
    try parser.readSettings()
    parser.readDirectives()
    return parser.rules
  }

  private init(bytes: [UInt8], fileName: String) {
    self.bytes = bytes
    self.lines = DictionaryLines.ranges(bytes)
    self.fileName = fileName
  }

  // MARK: - Reading helpers

  /// The fields of line `index`.
  private func fields(_ index: Int) -> [Range<Int>] {
    DictionaryLines.fields(bytes, lines[index])
  }

  private func raw(_ range: Range<Int>) -> ArraySlice<UInt8> { bytes[range] }

  /// A field converted to UTF-8.
  private func text(_ range: Range<Int>) -> [UInt8] { rules.encoding.utf8(bytes[range]) }

  private func string(_ range: Range<Int>) -> String {
    String(decoding: text(range), as: UTF8.self)
  }

  /// Whether a field holds exactly `keyword`.
  private func field(_ range: Range<Int>, is keyword: String) -> Bool {
    bytes[range].elementsEqual(keyword.utf8)
  }

  /// Whether a line starts with `keyword` (Hunspell's test for the lines of a table).
  private func line(_ index: Int, startsWith keyword: String) -> Bool {
    let line = lines[index]
    var start = line.lowerBound
    while start < line.upperBound && DictionaryLines.isBlank(bytes[start]) { start += 1 }
    let keywordBytes = Array(keyword.utf8)
    guard line.upperBound - start >= keywordBytes.count else { return false }
    return bytes[start..<start + keywordBytes.count].elementsEqual(keywordBytes)
  }

  private func lineNumber(_ index: Int) -> Int { index + 1 }

  private func fail(_ index: Int, _ message: String) -> ParseStop {
    ParseStop(message: "\(fileName) line \(lineNumber(index)): \(message)")
  }

  /// Why the second pass stopped.
  private struct ParseStop: Error {
    let message: String
  }

  // MARK: - First pass: what the word list needs

  private mutating func readSettings() throws(DictionaryError) {
    var index = 0
    var sawReplacements = false
    var sawEncoding = false
    while index < lines.count {
      let fields = fields(index)
      guard let keywordRange = fields.first else {
        index += 1
        continue
      }
      let keyword = String(decoding: bytes[keywordRange], as: UTF8.self)
      switch keyword {
      case "FLAG" where fields.count > 1:
        rules.flagFormat = FlagFormat(flagLine: bytes[lines[index]])
      case "SET" where fields.count > 1 && !sawEncoding:
        let name = String(decoding: bytes[fields[1]], as: UTF8.self)
        guard let encoding = DictionaryEncoding(name: name) else {
          throw DictionaryError("\(fileName) line \(lineNumber(index)): unsupported character set '\(name)' "
            + "(Dateline reads UTF-8, ISO8859-1, ISO8859-15 and ISO8859-2)")
        }
        rules.encoding = encoding
        sawEncoding = true
      case "COMPLEXPREFIXES":
        rules.complexPrefixes = true
      case "IGNORE" where fields.count > 1 && rules.ignoredCharacters.isEmpty:
        rules.ignoredCharacters = DictionaryUTF8.scalars(text(fields[1]), 0..<text(fields[1]).count).sorted()
      case "LANG" where fields.count > 1 && rules.language == nil:
        rules.language = string(fields[1])
        rules.languageKind = HunspellLanguage(code: rules.language ?? "")
      case "AF" where fields.count > 1:
        index = readFlagAliases(at: index, fields: fields)
        continue
      case "AM" where fields.count > 1:
        index = readMorphologyAliases(at: index, fields: fields)
        continue
      case "REP" where fields.count > 1:
        index = readReplacements(at: index, fields: fields)
        sawReplacements = !rules.replacements.isEmpty
        continue
      case "PFX", "SFX":
        // Hunspell stops its first pass at the affixes when a REP table came before them.
        if sawReplacements { return }
      default:
        break
      }
      index += 1
    }
  }

  /// The lines of a first-pass table (`AF n`, `AM n`, `REP n`) after its header at `header` (each
  /// line's index and fields), and the index of the line after the table. Nil, with Hunspell's warning, when
  /// the table was already read (`isFirst` false), its count is bad, or one of its lines does not
  /// start with `keyword` or has fewer than `minimumFields` fields (`next` then says where to go on).
  private mutating func tableLines(
    _ keyword: String, at header: Int, fields: [Range<Int>], isFirst: Bool, minimumFields: Int
  ) -> (lines: [(index: Int, fields: [Range<Int>])]?, next: Int) {
    guard isFirst, let count = DictionaryLines.number(raw(fields[1])), count >= 1 else {
      rules.warnings.append("\(fileName) line \(lineNumber(header)): bad \(keyword) table")
      return (nil, header + 1)
    }
    var result: [(index: Int, fields: [Range<Int>])] = []
    var index = header + 1
    for _ in 0..<count {
      guard index < lines.count else { break }
      let fields = self.fields(index)
      index += 1
      // Hunspell takes an AF line by its first field, the others by the start of the line.
      let named = line(index - 1, startsWith: keyword) || (keyword == "AF" && !fields.isEmpty && field(fields[0], is: "AF"))
      guard fields.count >= minimumFields, named else {
        rules.warnings.append("\(fileName) line \(lineNumber(index - 1)): \(keyword) table is corrupt")
        return (nil, index)
      }
      result.append((index - 1, fields))
    }
    return (result, index)
  }

  /// `AF n` and its n lines; returns the index of the line after the table.
  private mutating func readFlagAliases(at header: Int, fields: [Range<Int>]) -> Int {
    let table = tableLines("AF", at: header, fields: fields, isFirst: rules.flagAliases.isEmpty, minimumFields: 2)
    if let lines = table.lines { rules.flagAliases = lines.map { rules.flagFormat.flags(raw($0.fields[1])).sorted() } }
    return table.next
  }

  /// `AM n` and its n lines.
  private mutating func readMorphologyAliases(at header: Int, fields: [Range<Int>]) -> Int {
    let table = tableLines("AM", at: header, fields: fields, isFirst: rules.morphologyAliases.isEmpty, minimumFields: 2)
    if let lines = table.lines {
      rules.morphologyAliases = lines.map { string($0.fields[1].lowerBound..<self.lines[$0.index].upperBound) }
    }
    return table.next
  }

  /// `REP n` and its n lines.
  private mutating func readReplacements(at header: Int, fields: [Range<Int>]) -> Int {
    let table = tableLines("REP", at: header, fields: fields, isFirst: rules.replacements.isEmpty, minimumFields: 3)
    guard let lines = table.lines else { return table.next }
    var replacements: [HunspellReplacement] = []
    for (_, fields) in lines {
      var pattern = string(fields[1])
      let atStart = pattern.hasPrefix("^")
      if atStart { pattern.removeFirst() }
      let atEnd = pattern.hasSuffix("$")
      if atEnd { pattern.removeLast() }
      pattern = pattern.replacingUnderscores()
      let replacement = string(fields[2]).replacingUnderscores()
      guard !pattern.isEmpty, !replacement.isEmpty else { continue }
      replacements.append(HunspellReplacement(pattern: pattern, replacement: replacement, atWordStart: atStart,
                                          atWordEnd: atEnd))
    }
    rules.replacements = replacements
    return table.next
  }

  // MARK: - Second pass: everything else

  private mutating func readDirectives() {
    var prefixBuilder = AffixTableBuilder()
    var suffixBuilder = AffixTableBuilder()
    var complexPrefixes = false
    var seen = Set<String>()
    var index = 0
    var ignoredSoFar: [UInt32] = []
    do throws(ParseStop) {
      while index < lines.count {
        let fields = fields(index)
        guard let keywordRange = fields.first else {
          index += 1
          continue
        }
        let keyword = String(decoding: bytes[keywordRange], as: UTF8.self)
        var next = index + 1
        switch keyword {
        case "KEY": rules.keyboard = try stringValue(index, fields, &seen, keyword)
        case "TRY": rules.tryCharacters = try stringValue(index, fields, &seen, keyword)
        case "SET": _ = try stringValue(index, fields, &seen, keyword)
        case "COMPLEXPREFIXES": complexPrefixes = true
        case "COMPOUNDFLAG": rules.compoundFlag = try flagValue(index, fields, current: rules.compoundFlag)
        case "COMPOUNDBEGIN":
          if complexPrefixes {
            rules.compoundEnd = try flagValue(index, fields, current: rules.compoundEnd)
          } else {
            rules.compoundBegin = try flagValue(index, fields, current: rules.compoundBegin)
          }
        case "COMPOUNDMIDDLE": rules.compoundMiddle = try flagValue(index, fields, current: rules.compoundMiddle)
        case "COMPOUNDEND":
          if complexPrefixes {
            rules.compoundBegin = try flagValue(index, fields, current: rules.compoundBegin)
          } else {
            rules.compoundEnd = try flagValue(index, fields, current: rules.compoundEnd)
          }
        case "COMPOUNDWORDMAX": rules.compoundWordMaximum = try numberValue(index, fields, current: rules.compoundWordMaximum)
        case "COMPOUNDROOT": rules.compoundRoot = try flagValue(index, fields, current: rules.compoundRoot)
        case "COMPOUNDPERMITFLAG":
          rules.compoundPermitFlag = try flagValue(index, fields, current: rules.compoundPermitFlag)
        case "COMPOUNDFORBIDFLAG":
          rules.compoundForbidFlag = try flagValue(index, fields, current: rules.compoundForbidFlag)
        case "COMPOUNDMORESUFFIXES": rules.compoundMoreSuffixes = true
        case "CHECKCOMPOUNDDUP": rules.checkCompoundDuplication = true
        case "CHECKCOMPOUNDREP": rules.checkCompoundReplacement = true
        case "CHECKCOMPOUNDTRIPLE": rules.checkCompoundTriple = true
        case "SIMPLIFIEDTRIPLE": rules.simplifiedTriple = true
        case "CHECKCOMPOUNDCASE": rules.checkCompoundCase = true
        case "NOSUGGEST": rules.noSuggest = try flagValue(index, fields, current: rules.noSuggest)
        case "NONGRAMSUGGEST": rules.noNgramSuggest = try flagValue(index, fields, current: rules.noNgramSuggest)
        case "FORBIDDENWORD": rules.forbiddenWord = try flagValue(index, fields, current: rules.forbiddenWord)
        case "LEMMA_PRESENT": rules.lemmaPresent = try flagValue(index, fields, current: rules.lemmaPresent)
        case "CIRCUMFIX": rules.circumfix = try flagValue(index, fields, current: rules.circumfix)
        case "ONLYINCOMPOUND": rules.onlyInCompound = try flagValue(index, fields, current: rules.onlyInCompound)
        case "PSEUDOROOT", "NEEDAFFIX": rules.needAffix = try flagValue(index, fields, current: rules.needAffix)
        case "COMPOUNDMIN":
          rules.compoundMinimum = max(1, try numberValue(index, fields, current: rules.compoundMinimum))
        case "COMPOUNDSYLLABLE": try readCompoundSyllable(index, fields)
        case "SYLLABLENUM": rules.syllableNumberFlags = Array(try stringValue(index, fields, &seen, keyword).utf8)
        case "CHECKNUM": rules.checkNumbers = true
        case "WORDCHARS": rules.wordCharacters = try stringValue(index, fields, &seen, keyword)
        case "IGNORE":
          ignoredSoFar = try stringValue(index, fields, &seen, keyword).unicodeScalars.map(\.value).sorted()
        case "ICONV":
          var table = ConversionTable()
          next = try readConversions(index, fields, into: &table, keyword: keyword, &seen)
          rules.inputConversion = table
        case "OCONV":
          var table = ConversionTable()
          next = try readConversions(index, fields, into: &table, keyword: keyword, &seen)
          rules.outputConversion = table
        case "PHONE": next = try readPhonetics(index, fields)
        case "CHECKCOMPOUNDPATTERN": next = try readCompoundPatterns(index, fields)
        case "COMPOUNDRULE": next = try readCompoundRules(index, fields)
        case "MAP": next = try readMap(index, fields)
        case "BREAK": next = try readBreaks(index, fields, &seen)
        case "LANG":
          _ = try stringValue(index, fields, &seen, keyword)
        case "VERSION":
          if fields.count > 1 { rules.version = string(fields[1].lowerBound..<lines[index].upperBound) }
        case "MAXNGRAMSUGS": rules.maxNgramSuggestions = try numberValue(index, fields, current: rules.maxNgramSuggestions)
        case "ONLYMAXDIFF": rules.onlyMaxDifference = true
        case "MAXDIFF": rules.maxDifference = try numberValue(index, fields, current: rules.maxDifference)
        case "MAXCPDSUGS": rules.maxCompoundSuggestions = try numberValue(index, fields, current: rules.maxCompoundSuggestions)
        case "NOSPLITSUGS": rules.noSplitSuggestions = true
        case "FULLSTRIP": rules.fullStrip = true
        case "SUGSWITHDOTS": rules.suggestWithDots = true
        case "KEEPCASE": rules.keepCase = try flagValue(index, fields, current: rules.keepCase)
        case "FORCEUCASE": rules.forceUppercase = try flagValue(index, fields, current: rules.forceUppercase)
        case "WARN": rules.warn = try flagValue(index, fields, current: rules.warn)
        case "FORBIDWARN": rules.forbidWarn = true
        case "SUBSTANDARD": rules.substandard = try flagValue(index, fields, current: rules.substandard)
        case "CHECKSHARPS": rules.checkSharps = true
        case "PFX", "SFX":
          // Under COMPLEXPREFIXES prefixes work as suffixes of the reversed word and the other way round.
          let isSuffix = (keyword == "SFX") != complexPrefixes
          if isSuffix {
            next = try readAffix(index, fields, into: &suffixBuilder, reversed: complexPrefixes, ignored: ignoredSoFar)
          } else {
            next = try readAffix(index, fields, into: &prefixBuilder, reversed: complexPrefixes, ignored: ignoredSoFar)
          }
        default:
          break
        }
        index = next
      }
    } catch {
      rules.warnings.append(error.message)
    }
    rules.complexPrefixes = rules.complexPrefixes || complexPrefixes
    let special = AffixTable.SpecialFlags(
      onlyInCompound: rules.onlyInCompound, needAffix: rules.needAffix, circumfix: rules.circumfix,
      compoundPermit: rules.compoundPermitFlag, compoundForbid: rules.compoundForbidFlag,
      compoundEnd: rules.compoundEnd, compoundMiddle: rules.compoundMiddle)
    rules.prefixes = AffixTable(isSuffix: false, builder: prefixBuilder, specialFlags: special)
    rules.suffixes = AffixTable(isSuffix: true, builder: suffixBuilder, specialFlags: special)
    if rules.compoundMinimum == -1 { rules.compoundMinimum = 3 }
    if !seen.contains("BREAK") {
      rules.breakPatterns = [Array("-".utf8), Array("^-".utf8), Array("-$".utf8)]
    }
  }

  /// The value of a directive that takes a string; a second definition stops reading.
  private func stringValue(_ index: Int, _ fields: [Range<Int>], _ seen: inout Set<String>,
                           _ keyword: String) throws(ParseStop) -> String {
    guard fields.count >= 2 else { throw fail(index, "\(keyword) needs a value") }
    guard seen.insert(keyword).inserted else { throw fail(index, "multiple definitions of \(keyword)") }
    return string(fields[1])
  }

  /// The value of a directive that takes a flag.
  private func flagValue(_ index: Int, _ fields: [Range<Int>], current: AffixFlag) throws(ParseStop) -> AffixFlag {
    guard current == 0 || current >= ReservedFlag.forbiddenWord else {
      throw fail(index, "multiple definitions of an affix file parameter")
    }
    guard fields.count >= 2 else { throw fail(index, "missing flag") }
    return rules.flagFormat.flag(raw(fields[1]))
  }

  /// The value of a directive that takes a number.
  private func numberValue(_ index: Int, _ fields: [Range<Int>], current: Int) throws(ParseStop) -> Int {
    guard current == -1 else { throw fail(index, "multiple definitions of an affix file parameter") }
    guard fields.count >= 2 else { throw fail(index, "missing number") }
    return DictionaryLines.number(raw(fields[1])) ?? 0
  }

  /// The entry count of a table header (`MAP 25`).
  private func tableCount(_ index: Int, _ fields: [Range<Int>], allowZero: Bool = false) throws(ParseStop) -> Int {
    guard fields.count >= 2 else { throw fail(index, "missing data") }
    let count = DictionaryLines.number(raw(fields[1])) ?? 0
    guard count >= (allowZero ? 0 : 1) else { throw fail(index, "bad entry number") }
    return count
  }

  /// The fields of the `offset`th line of a table, which must start with `keyword`.
  private func tableLine(_ header: Int, _ offset: Int, _ keyword: String) throws(ParseStop) -> [Range<Int>] {
    let index = header + offset
    guard index < lines.count else { throw fail(header, "\(keyword) table ends early") }
    guard line(index, startsWith: keyword) else { throw fail(index, "\(keyword) table is corrupt") }
    return fields(index)
  }

  private mutating func readCompoundSyllable(_ index: Int, _ fields: [Range<Int>]) throws(ParseStop) {
    guard fields.count >= 2 else { throw fail(index, "missing compoundsyllable information") }
    rules.compoundMaximumSyllables = DictionaryLines.number(raw(fields[1])) ?? 0
    let vowels = fields.count >= 3 ? text(fields[2]) : Array("AEIOUaeiou".utf8)
    rules.compoundVowels = DictionaryUTF8.scalars(vowels, 0..<vowels.count).sorted()
  }

  private func readConversions(_ index: Int, _ fields: [Range<Int>], into table: inout ConversionTable,
                                        keyword: String, _ seen: inout Set<String>) throws(ParseStop) -> Int {
    guard seen.insert(keyword).inserted else { throw fail(index, "multiple \(keyword) tables") }
    let count = try tableCount(index, fields)
    for offset in 1...count {
      let entry = try tableLine(index, offset, keyword)
      guard entry.count >= 3 else { throw fail(index + offset, "\(keyword) table is corrupt") }
      table.add(pattern: text(entry[1]), replacement: text(entry[2]))
    }
    table.finish()
    return index + count + 1
  }

  private mutating func readPhonetics(_ index: Int, _ fields: [Range<Int>]) throws(ParseStop) -> Int {
    guard rules.phoneticRules.isEmpty else { throw fail(index, "multiple PHONE tables") }
    let count = try tableCount(index, fields)
    var phonetics: [(String, String)] = []
    for offset in 1...count {
      let entry = try tableLine(index, offset, "PHONE")
      guard entry.count >= 3 else { throw fail(index + offset, "PHONE table is corrupt") }
      phonetics.append((string(entry[1]), string(entry[2]).replacingAll(of: "_", with: "")))
    }
    rules.phoneticRules = phonetics
    return index + count + 1
  }

  private mutating func readCompoundPatterns(_ index: Int, _ fields: [Range<Int>]) throws(ParseStop) -> Int {
    guard rules.compoundPatterns.isEmpty else { throw fail(index, "multiple CHECKCOMPOUNDPATTERN tables") }
    let count = try tableCount(index, fields)
    for offset in 1...count {
      let entry = try tableLine(index, offset, "CHECKCOMPOUNDPATTERN")
      var pattern = CompoundPattern(left: [])
      if entry.count > 1 { (pattern.left, pattern.leftFlag) = patternWithFlag(entry[1]) }
      if entry.count > 2 { (pattern.right, pattern.rightFlag) = patternWithFlag(entry[2]) }
      if entry.count > 3 {
        pattern.replacement = text(entry[3])
        rules.simplifiedCompoundPatterns = true
      }
      rules.compoundPatterns.append(pattern)
    }
    return index + count + 1
  }

  /// `text/flag` split into the text and the flag.
  private func patternWithFlag(_ range: Range<Int>) -> ([UInt8], AffixFlag) {
    if let slash = bytes[range].firstIndex(of: UInt8(ascii: "/")) {
      return (text(range.lowerBound..<slash), rules.flagFormat.flag(raw(slash + 1..<range.upperBound)))
    }
    return (text(range), 0)
  }

  private mutating func readCompoundRules(_ index: Int, _ fields: [Range<Int>]) throws(ParseStop) -> Int {
    guard rules.compoundRules.isEmpty else { throw fail(index, "multiple COMPOUNDRULE tables") }
    let count = try tableCount(index, fields)
    for offset in 1...count {
      let entry = try tableLine(index, offset, "COMPOUNDRULE")
      var rule: [AffixFlag] = []
      if entry.count > 1 {
        let written = raw(entry[1])
        if written.contains(UInt8(ascii: "(")) {
          var position = written.startIndex
          while position < written.endIndex {
            var piece = position..<position + 1
            if written[position] == UInt8(ascii: "("),
              let close = written[position...].firstIndex(of: UInt8(ascii: ")"))
            {
              piece = position + 1..<close
              position = close
            }
            if let first = written[piece].first, first == UInt8(ascii: "*") || first == UInt8(ascii: "?") {
              rule.append(AffixFlag(first))
            } else {
              rules.flagFormat.appendFlags(written[piece], to: &rule)
            }
            position += 1
          }
        } else {
          rules.flagFormat.appendFlags(written, to: &rule)
        }
      }
      guard !rule.isEmpty else { throw fail(index + offset, "COMPOUNDRULE table is corrupt") }
      rules.compoundRules.append(rule)
    }
    return index + count + 1
  }

  private mutating func readMap(_ index: Int, _ fields: [Range<Int>]) throws(ParseStop) -> Int {
    guard rules.characterMap.isEmpty else { throw fail(index, "multiple MAP tables") }
    let count = try tableCount(index, fields)
    for offset in 1...count {
      let entry = try tableLine(index, offset, "MAP")
      var related: [String] = []
      if entry.count > 1 {
        var scalars = Array(string(entry[1]).unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
          if scalar == "(", let close = scalars.firstIndex(of: ")") {
            related.append(String(String.UnicodeScalarView(scalars[scalars.startIndex..<close])))
            scalars = scalars[(close + 1)...]
          } else {
            related.append(String(scalar))
          }
        }
      }
      guard !related.isEmpty else { throw fail(index + offset, "MAP table is corrupt") }
      rules.characterMap.append(related)
    }
    return index + count + 1
  }

  private mutating func readBreaks(_ index: Int, _ fields: [Range<Int>], _ seen: inout Set<String>) throws(ParseStop) -> Int {
    guard seen.insert("BREAK").inserted else { throw fail(index, "multiple BREAK tables") }
    let count = try tableCount(index, fields, allowZero: true)
    guard count > 0 else { return index + 1 }
    for offset in 1...count {
      let entry = try tableLine(index, offset, "BREAK")
      if entry.count > 1 { rules.breakPatterns.append(text(entry[1])) }
    }
    guard rules.breakPatterns.count == count else { throw fail(index, "BREAK table is corrupt") }
    return index + count + 1
  }

  /// A `PFX`/`SFX` header and its lines, into `builder`'s records and pools; returns the index of
  /// the line after them. Under COMPLEXPREFIXES (`reversed`) the strings and conditions are
  /// reversed; IGNORE characters are removed from what the rules add.
  private mutating func readAffix(_ index: Int, _ fields: [Range<Int>], into builder: inout AffixTableBuilder,
                                  reversed: Bool, ignored: [UInt32]) throws(ParseStop) -> Int {
    guard fields.count >= 4 else { throw fail(index, "affix header is missing data") }
    let flag = rules.flagFormat.flag(raw(fields[1]))
    let crossProduct = bytes[fields[2].lowerBound] == UInt8(ascii: "Y")
    guard let count = DictionaryLines.number(raw(fields[3])), count > 0 else { throw fail(index, "affix has a bad entry number") }
    var entry: [Range<Int>] = []
    entry.reserveCapacity(8)
    for offset in 1...count {
      let lineIndex = index + offset
      guard lineIndex < lines.count else { throw fail(index, "affix ends early") }
      DictionaryLines.fields(bytes, lines[lineIndex], into: &entry)
      guard entry.count >= 4 else { throw fail(lineIndex, "affix is corrupt") }
      guard rules.flagFormat.flag(raw(entry[1])) == flag else { throw fail(lineIndex, "affix is corrupt") }

      // Strip characters ("0": none).
      let stripStart = builder.stripBytes.count
      if !isZero(entry[2]) { appendText(entry[2], to: &builder.stripBytes) }
      if reversed { DictionaryUTF8.reverseCharacters(&builder.stripBytes, from: stripStart) }

      // Added characters, and the continuation flags after a slash.
      var appendRange = entry[3]
      let continuationStart = builder.continuationFlags.count
      if let slash = bytes[appendRange].firstIndex(of: UInt8(ascii: "/")) {
        let flags = raw(slash + 1..<appendRange.upperBound)
        if !rules.flagAliases.isEmpty {
          let alias = DictionaryLines.number(flags) ?? 0
          if alias > 0 && alias <= rules.flagAliases.count {
            builder.continuationFlags += rules.flagAliases[alias - 1]
          } else {
            rules.warnings.append("\(fileName) line \(lineNumber(lineIndex)): bad affix flag alias")
          }
        } else {
          rules.flagFormat.appendFlags(flags, to: &builder.continuationFlags)
          builder.continuationFlags[continuationStart...].sort()
        }
        rules.hasContinuationClasses = true
        for flag in builder.continuationFlags[continuationStart...] { rules.continuationFlags.insert(flag) }
        appendRange = appendRange.lowerBound..<slash
      }
      let appendStart = builder.appendBytes.count
      if !isZero(appendRange) {
        appendText(appendRange, to: &builder.appendBytes)
        if !ignored.isEmpty {
          let filtered = IgnoredCharacters.removing(ignored, from: Array(builder.appendBytes[appendStart...]))
          builder.appendBytes.removeSubrange(appendStart...)
          builder.appendBytes += filtered
        }
        // "0" after removing IGNORE characters means nothing too.
        if builder.appendBytes.count == appendStart + 1 && builder.appendBytes[appendStart] == UInt8(ascii: "0") {
          builder.appendBytes.removeLast()
        }
      }
      if reversed { DictionaryUTF8.reverseCharacters(&builder.appendBytes, from: appendStart) }

      // The condition ("." or none: always).
      let conditionStart = builder.conditionAtoms.count
      if entry.count > 4 {
        if rules.encoding == .utf8 {
          AffixCondition.parse(bytes[entry[4]], into: &builder.conditionAtoms, characters: &builder.conditionCharacters)
        } else {
          AffixCondition.parse(text(entry[4])[...], into: &builder.conditionAtoms,
                               characters: &builder.conditionCharacters)
        }
        if reversed { builder.conditionAtoms[conditionStart...].reverse() }
      }

      // Morphological fields: the rest of the line, or an AM alias.
      let morphologyStart = builder.morphologyBytes.count
      if entry.count > 5 {
        if !rules.morphologyAliases.isEmpty {
          let alias = DictionaryLines.number(raw(entry[5])) ?? 0
          if alias > 0 && alias <= rules.morphologyAliases.count {
            builder.morphologyBytes += Array(rules.morphologyAliases[alias - 1].utf8)
          }
        } else {
          appendText(entry[5].lowerBound..<lines[lineIndex].upperBound, to: &builder.morphologyBytes)
        }
      }

      builder.records.append(AffixRecord(
        flag: flag, traits: crossProduct ? .crossProduct : [], appendStart: Int32(appendStart),
        appendLength: Int32(builder.appendBytes.count - appendStart), stripStart: Int32(stripStart),
        stripLength: Int32(builder.stripBytes.count - stripStart), stripHash: 0,
        continuationStart: Int32(continuationStart),
        continuationCount: Int32(builder.continuationFlags.count - continuationStart),
        conditionStart: Int32(conditionStart), conditionCount: Int32(builder.conditionAtoms.count - conditionStart),
        morphologyStart: Int32(morphologyStart), morphologyLength: Int32(builder.morphologyBytes.count - morphologyStart)))
    }
    return index + count + 1
  }

  /// Whether a field is `0` (Hunspell's "nothing").
  private func isZero(_ range: Range<Int>) -> Bool {
    range.count == 1 && bytes[range.lowerBound] == UInt8(ascii: "0")
  }

  /// Appends a field converted to UTF-8.
  private func appendText(_ range: Range<Int>, to output: inout [UInt8]) {
    rules.encoding.appendUTF8(bytes[range], to: &output)
  }
}

/// Small string helpers for the readers (no Foundation).
extension String {
  /// The string with `_` written as spaces (REP patterns).
  func replacingUnderscores() -> String { replacingAll(of: "_", with: " ") }

  /// The string with every `target` replaced (without Foundation).
  func replacingAll(of target: String, with replacement: String) -> String {
    guard !target.isEmpty, contains(target) else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      result += rest[rest.startIndex..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}

/// Removing IGNORE characters from UTF-8 text.
enum IgnoredCharacters {
  /// `bytes` without the characters in the sorted `ignored` list.
  static func removing(_ ignored: [UInt32], from bytes: [UInt8]) -> [UInt8] {
    guard !ignored.isEmpty else { return bytes }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let (scalar, length) = DictionaryUTF8.decode(bytes, at: index, end: bytes.count)
      if !ignored.contains(scalar) { output.append(contentsOf: bytes[index..<index + length]) }
      index += length
    }
    return output
  }

  /// Whether `bytes` holds one of the `ignored` characters.
  static func containsAny(_ ignored: [UInt32], in bytes: [UInt8]) -> Bool {
    guard !ignored.isEmpty else { return false }
    var index = 0
    while index < bytes.count {
      let (scalar, length) = DictionaryUTF8.decode(bytes, at: index, end: bytes.count)
      if ignored.contains(scalar) { return true }
      index += length
    }
    return false
  }
}
