/// Reads a `.dic` file into a `WordTable`, line by line as Hunspell does: the first line is the
/// (approximate) word count; then `word/FLAGS morphological fields`. A slash written `\/` belongs to
/// the word, as does a slash at its start; the morphological fields start at a tab or at a blank
/// before an `xx:` field. IGNORE characters are removed from words, and words with capitals inside
/// (OpenOffice.org) or all capitals with flags (CIA/S) get a hidden capitalised copy that only
/// all-caps spellings match, as in Hunspell.
struct DictionaryFileParser {
  static func parse(_ bytes: [UInt8], rules: AffixRules, fileName: String = "the .dic file")
    throws(DictionaryError) -> WordTable
  {
    var parser = DictionaryFileParser(rules: rules)
    return try parser.read(bytes, fileName: fileName)
  }

  private let rules: AffixRules
  private let casing: CaseMapping
  private var table = WordTable()
  /// Distinct flag fields (or sorted flag sets of hidden copies) → their place in the pool.
  private var flagSets = ByteInterner()
  private var flagSetRanges: [(start: UInt32, count: UInt16)] = []
  private var descriptions = ByteInterner()
  /// AF aliases' places in the pool.
  private var aliasRanges: [(start: UInt32, count: UInt16)] = []
  private var scratchFlags: [Flag] = []
  private var scratchWord: [UInt8] = []

  private init(rules: AffixRules) {
    self.rules = rules
    casing = CaseMapping(turkic: rules.languageKind == .turkic)
  }

  private mutating func read(_ bytes: [UInt8], fileName: String) throws(DictionaryError) -> WordTable {
    let lines = TextLines.ranges(bytes)
    guard let first = lines.first, let count = cNumber(bytes[first]), count > 0, count < 10_000_000 else {
      throw DictionaryError("\(fileName) line 1: missing or bad word count")
    }
    table = WordTable(expectedCount: min(count, lines.count) + 16)
    for alias in rules.flagAliases {
      let start = alias.withUnsafeBufferPointer { table.addFlagSet($0) }
      aliasRanges.append((start, UInt16(clamping: alias.count)))
    }
    for line in lines.dropFirst() {
      readLine(bytes, line)
    }
    table.finish()
    return table
  }

  /// One `.dic` line.
  private mutating func readLine(_ bytes: [UInt8], _ line: Range<Int>) {
    // Where the morphological fields start: a tab, or blanks before a two-letter `xx:` field.
    var wordEnd = line.upperBound
    var descriptionStart = -1
    var colon = line.lowerBound
    while colon < line.upperBound {
      if bytes[colon] == UInt8(ascii: ":"), colon - line.lowerBound > 3, TextLines.isBlank(bytes[colon - 3]) {
        var blank = colon - 3
        while blank > line.lowerBound && TextLines.isBlank(bytes[blank - 1]) { blank -= 1 }
        if blank > line.lowerBound {
          wordEnd = blank
          descriptionStart = blank + 1
        }
        break
      }
      colon += 1
    }
    if let tab = bytes[line].firstIndex(of: 0x09), descriptionStart < 0 || tab < wordEnd {
      wordEnd = tab
      descriptionStart = tab + 1
    }

    // The word and its flags, `\/` standing for a slash in the word.
    scratchWord.removeAll(keepingCapacity: true)
    var flagRange: Range<Int>? = nil
    var index = line.lowerBound
    while index < wordEnd {
      let byte = bytes[index]
      if byte == UInt8(ascii: "/") && index > line.lowerBound {
        if bytes[index - 1] == UInt8(ascii: "\\") {
          scratchWord[scratchWord.count - 1] = byte
          index += 1
          continue
        }
        flagRange = index + 1..<wordEnd
        break
      }
      scratchWord.append(byte)
      index += 1
    }
    if rules.encoding != .utf8 { scratchWord = rules.encoding.utf8(scratchWord[...]) }

    // Flags: an AF alias number, or the flags themselves.
    var flagStart: UInt32 = 0
    var flagCount: UInt16 = 0
    if let flagRange, !flagRange.isEmpty {
      if !aliasRanges.isEmpty {
        let alias = cNumber(bytes[flagRange]) ?? 0
        if alias > 0 && alias <= aliasRanges.count { (flagStart, flagCount) = aliasRanges[alias - 1] }
      } else {
        (flagStart, flagCount) = bytes.withUnsafeBufferPointer { buffer in
          internFlagField(UnsafeBufferPointer(rebasing: buffer[flagRange]))
        }
      }
    }

    // Morphological fields: the rest of the line, or an AM alias number.
    var description: UInt32 = 0
    if descriptionStart >= 0 && descriptionStart < line.upperBound {
      description = internDescription(bytes, descriptionStart..<line.upperBound)
    }

    if description != 0 && descriptionStart >= 0 {
      addPhoneticReplacements(bytes, descriptionStart..<line.upperBound, word: scratchWord)
    }

    var word = scratchWord
    if !rules.ignoredCharacters.isEmpty { word = CharacterFilter.removing(rules.ignoredCharacters, from: word) }
    let capitalization = casing.capitalization(of: scratchWord)
    add(word, flagStart: flagStart, flagCount: flagCount, description: description, hidden: false)

    // The hidden capitalised copy: OpenOffice.org → Openoffice.org (for OPENOFFICE.ORG), CIA/S → Cia.
    let mixed = capitalization == .mixed || capitalization == .mixedInitial
    if (mixed || (capitalization == .all && flagCount > 0))
      && !table.flagPool[Int(flagStart)..<Int(flagStart) + Int(flagCount)].contains(rules.forbiddenWord)
    {
      var hiddenWord = casing.titlecased(scratchWord)
      if !rules.ignoredCharacters.isEmpty { hiddenWord = CharacterFilter.removing(rules.ignoredCharacters, from: hiddenWord) }
      let (hiddenStart, hiddenCount) = hiddenFlagSet(flagStart, flagCount)
      add(hiddenWord, flagStart: hiddenStart, flagCount: hiddenCount, description: description, hidden: true)
    }
  }

  private mutating func add(_ word: [UInt8], flagStart: UInt32, flagCount: UInt16, description: UInt32,
                            hidden: Bool) {
    let stored = rules.complexPrefixes ? UTF8Encoding.reversedCharacters(word) : word
    stored.withUnsafeBufferPointer { buffer in
      table.add(buffer, flagStart: flagStart, flagCount: flagCount, description: description, hidden: hidden)
    }
  }

  /// Hunspell turns `ph:` fields into REP rules: `wendsay` → `Wednesday` (and `Wendsay` for a
  /// capitalised word), `hepi->happi` as written, `prity*` → `pretty` minus the last characters.
  private mutating func addPhoneticReplacements(_ bytes: [UInt8], _ range: Range<Int>, word: [UInt8]) {
    let text: String
    if !rules.morphologyAliases.isEmpty {
      let alias = cNumber(bytes[range]) ?? 0
      guard alias > 0 && alias <= rules.morphologyAliases.count else { return }
      text = rules.morphologyAliases[alias - 1]
    } else {
      guard bytes[range].containsSequence(Array("ph:".utf8)) else { return }
      text = rules.encoding.decode(bytes[range])
    }
    let capitalization = casing.capitalization(of: word)
    for field in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) where field.hasPrefix("ph:") {
      var pattern = String(field.dropFirst(3))
      guard !pattern.isEmpty else { continue }
      var replacement = String(decoding: word, as: UTF8.self)
      if let arrow = pattern.firstRange(of: "->"), arrow.lowerBound > pattern.startIndex,
        pattern.distance(from: arrow.upperBound, to: pattern.endIndex) > 0
      {
        replacement = String(pattern[arrow.upperBound...])
        pattern = String(pattern[..<arrow.lowerBound])
      }
      if pattern.hasSuffix("*") {
        let shortened = pattern.dropLast()
        if shortened.count > 1 && replacement.count > 1 {
          pattern = String(shortened.dropLast())
          replacement = String(replacement.dropLast())
        }
      }
      if capitalization == .initial {
        let patternBytes = Array(pattern.utf8)
        if casing.capitalization(of: patternBytes) == .lower {
          let capitalized = String(decoding: casing.capitalized(patternBytes), as: UTF8.self)
          if rules.languageKind == .german || rules.languageKind == .hungarian {
            let lowered = String(decoding: casing.lowercased(Array(replacement.utf8)), as: UTF8.self)
            table.phoneticReplacements.append(ReplacementRule(pattern: pattern, replacement: lowered,
                                                              atWordStart: false, atWordEnd: false))
          }
          table.phoneticReplacements.append(ReplacementRule(pattern: capitalized, replacement: replacement,
                                                            atWordStart: false, atWordEnd: false))
        }
      }
      table.phoneticReplacements.append(ReplacementRule(pattern: pattern, replacement: replacement,
                                                        atWordStart: false, atWordEnd: false))
    }
  }

  /// The pool range of a flag field, decoded and sorted the first time it is seen.
  private mutating func internFlagField(_ field: UnsafeBufferPointer<UInt8>) -> (UInt32, UInt16) {
    let (number, isNew) = flagSets.intern(field)
    if !isNew { return flagSetRanges[number] }
    scratchFlags.removeAll(keepingCapacity: true)
    rules.flagFormat.appendFlags(ArraySlice(field), to: &scratchFlags)
    scratchFlags.sort()
    let start = scratchFlags.withUnsafeBufferPointer { table.addFlagSet($0) }
    let range = (start, UInt16(clamping: scratchFlags.count))
    flagSetRanges.append(range)
    return range
  }

  /// The pool range of an entry's flags plus the hidden-copy flag.
  private mutating func hiddenFlagSet(_ start: UInt32, _ count: UInt16) -> (UInt32, UInt16) {
    scratchFlags.removeAll(keepingCapacity: true)
    scratchFlags.append(contentsOf: table.flagPool[Int(start)..<Int(start) + Int(count)])
    scratchFlags.append(ReservedFlag.onlyUppercase)
    scratchFlags.sort()
    // Interned by the flag values themselves, after a marker no flag field starts with.
    var key: [UInt8] = [0, 0xFF]
    for flag in scratchFlags {
      key.append(UInt8(flag >> 8))
      key.append(UInt8(flag & 0xFF))
    }
    let (number, isNew) = key.withUnsafeBufferPointer { flagSets.intern($0) }
    if !isNew { return flagSetRanges[number] }
    let newStart = scratchFlags.withUnsafeBufferPointer { table.addFlagSet($0) }
    let range = (newStart, UInt16(clamping: scratchFlags.count))
    flagSetRanges.append(range)
    return range
  }

  /// The description number of the morphological fields `bytes[range]`.
  private mutating func internDescription(_ bytes: [UInt8], _ range: Range<Int>) -> UInt32 {
    if !rules.morphologyAliases.isEmpty {
      let alias = cNumber(bytes[range]) ?? 0
      guard alias > 0 && alias <= rules.morphologyAliases.count else { return 0 }
      let key = Array("@alias\(alias)".utf8)
      let (number, isNew) = key.withUnsafeBufferPointer { descriptions.intern($0) }
      if isNew { _ = table.addDescription(rules.morphologyAliases[alias - 1]) }
      return UInt32(number + 1)
    }
    let (number, isNew) = bytes.withUnsafeBufferPointer { descriptions.intern(UnsafeBufferPointer(rebasing: $0[range])) }
    if isNew { _ = table.addDescription(rules.encoding.decode(bytes[range])) }
    return UInt32(number + 1)
  }
}
