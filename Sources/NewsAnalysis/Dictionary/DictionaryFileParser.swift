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
  private let casing: HunspellCaseMapping
  private var table = WordTable()
  /// Distinct flag fields (or sorted flag sets of hidden copies) → their place in the pool.
  private var flagSets = ByteInterner()
  private var flagSetRanges: [(start: UInt32, count: UInt16)] = []
  private var descriptions = ByteInterner()
  /// AF aliases' places in the pool.
  private var aliasRanges: [(start: UInt32, count: UInt16)] = []
  private var scratchFlags: [AffixFlag] = []
  /// The last flag field and description read (pointers into the file being read), and what
  /// they were interned as.
  private var previousFlagField: UnsafeBufferPointer<UInt8>? = nil
  private var previousFlagRange: (UInt32, UInt16) = (0, 0)
  private var previousDescription: UnsafeBufferPointer<UInt8>? = nil
  private var previousDescriptionNumber: UInt32 = 0
  /// For each description: whether it holds a `ph:` field.
  private var descriptionHasPhonetic: [Bool] = []
  private var scratchWord: [UInt8] = []

  private init(rules: AffixRules) {
    self.rules = rules
    casing = HunspellCaseMapping(turkic: rules.languageKind == .turkic)
  }

  private mutating func read(_ bytes: [UInt8], fileName: String) throws(DictionaryError) -> WordTable {
    try bytes.withUnsafeBufferPointer { (buffer) throws(DictionaryError) -> WordTable in
      var start = 0
      if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { start = 3 }
      let firstEnd = DictionaryLines.lineEnd(buffer, from: start)
      let countLine = start..<DictionaryLines.trimmedEnd(buffer, start, firstEnd)
      guard let count = DictionaryLines.number(bytes[countLine]), count > 0, count < 10_000_000 else {
        throw DictionaryError("\(fileName) line 1: missing or bad word count")
      }
      // The count is approximate; the table grows if it was too small.
      // Room for the entries and their hidden copies.
      let expected = min(count, buffer.count / 4)
      table = WordTable(expectedCount: expected + expected / 8 + 16, expectedBytes: buffer.count / 3)
      for alias in rules.flagAliases {
        let aliasStart = alias.withUnsafeBufferPointer { table.addFlagSet($0) }
        aliasRanges.append((aliasStart, UInt16(clamping: alias.count)))
      }
      var lineStart = firstEnd + 1
      while lineStart < buffer.count {
        let end = DictionaryLines.lineEnd(buffer, from: lineStart)
        readLine(buffer, lineStart..<DictionaryLines.trimmedEnd(buffer, lineStart, end))
        lineStart = end + 1
      }
      table.finish()
      return table
    }
  }

  /// One `.dic` line.
  private mutating func readLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) {
    // Where the morphological fields start: a tab, or blanks before a two-letter `xx:` field.
    var wordEnd = line.upperBound
    var descriptionStart = -1
    var tab = -1
    var index = DictionaryLines.firstColonOrTab(bytes, line)
    while index < line.upperBound {
      let byte = bytes[index]
      if byte == 0x09 && tab < 0 { tab = index }
      if byte == UInt8(ascii: ":") && descriptionStart < 0 && index - line.lowerBound > 3
        && DictionaryLines.isBlank(bytes[index - 3])
      {
        var blank = index - 3
        while blank > line.lowerBound && DictionaryLines.isBlank(bytes[blank - 1]) { blank -= 1 }
        if blank > line.lowerBound {
          wordEnd = blank
          descriptionStart = blank + 1
        }
        // Only the first such field counts; a tab before it still wins. (A later tab matters only
        // when the field had no word before it.)
        if tab < 0 && descriptionStart < 0 { tab = firstTab(bytes, index..<line.upperBound) ?? -1 }
        break
      }
      index += 1
    }
    if tab >= 0 && (descriptionStart < 0 || tab < wordEnd) {
      wordEnd = tab
      descriptionStart = tab + 1
    }

    // The word and its flags, `\/` standing for a slash in the word.
    var flagRange = wordEnd..<wordEnd
    var slash = line.lowerBound + 1
    var escaped = false
    while slash < wordEnd {
      slash = DictionaryLines.firstIndex(of: UInt8(ascii: "/"), bytes, slash..<wordEnd)
      guard slash < wordEnd else { break }
      if bytes[slash - 1] != UInt8(ascii: "\\") { break }
      escaped = true
      slash += 1
    }
    var wordRange = line.lowerBound..<min(slash, wordEnd)
    if slash < wordEnd { flagRange = slash + 1..<wordEnd }
    let plain = !escaped && rules.encoding == .utf8 && rules.ignoredCharacters.isEmpty && !rules.complexPrefixes
    if !plain {
      scratchWord.removeAll(keepingCapacity: true)
      var position = wordRange.lowerBound
      while position < wordRange.upperBound {
        let byte = bytes[position]
        if byte == UInt8(ascii: "\\") && position + 1 < wordRange.upperBound && bytes[position + 1] == UInt8(ascii: "/") {
          scratchWord.append(UInt8(ascii: "/"))
          position += 2
          continue
        }
        scratchWord.append(byte)
        position += 1
      }
      if rules.encoding != .utf8 { scratchWord = rules.encoding.utf8(scratchWord[...]) }
      wordRange = 0..<0
    }

    // Flags: an AF alias number, or the flags themselves.
    var flagStart: UInt32 = 0
    var flagCount: UInt16 = 0
    if !flagRange.isEmpty {
      if !aliasRanges.isEmpty {
        let alias = DictionaryLines.number(Array(UnsafeBufferPointer(rebasing: bytes[flagRange]))[...]) ?? 0
        if alias > 0 && alias <= aliasRanges.count { (flagStart, flagCount) = aliasRanges[alias - 1] }
      } else {
        (flagStart, flagCount) = internFlagField(UnsafeBufferPointer(rebasing: bytes[flagRange]))
      }
    }

    // Morphological fields: the rest of the line, or an AM alias number.
    var description: UInt32 = 0
    if descriptionStart >= 0 && descriptionStart < line.upperBound {
      description = internDescription(bytes, descriptionStart..<line.upperBound)
    }

    if plain {
      let word = UnsafeBufferPointer(rebasing: bytes[wordRange])
      if description != 0 && descriptionHasPhonetic[Int(description) - 1] {
        addPhoneticReplacements(Int(description) - 1, word: Array(word))
      }
      table.add(word, flagStart: flagStart, flagCount: flagCount, description: description, hidden: false)
      if needsHiddenCopy(word, flagStart: flagStart, flagCount: flagCount) {
        addHiddenCopy(Array(word), flagStart: flagStart, flagCount: flagCount, description: description)
      }
      return
    }

    if description != 0 && descriptionHasPhonetic[Int(description) - 1] {
      addPhoneticReplacements(Int(description) - 1, word: scratchWord)
    }
    var word = scratchWord
    if !rules.ignoredCharacters.isEmpty { word = IgnoredCharacters.removing(rules.ignoredCharacters, from: word) }
    add(word, flagStart: flagStart, flagCount: flagCount, description: description, hidden: false)
    let needsCopy = scratchWord.withUnsafeBufferPointer {
      needsHiddenCopy($0, flagStart: flagStart, flagCount: flagCount)
    }
    if needsCopy { addHiddenCopy(scratchWord, flagStart: flagStart, flagCount: flagCount, description: description) }
  }

  private func firstTab(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    for index in range where bytes[index] == 0x09 { return index }
    return nil
  }

  /// Whether a word gets a hidden capitalised copy: capitals inside (OpenOffice.org), or all
  /// capitals with flags (CIA/S), unless it is forbidden.
  private func needsHiddenCopy(_ word: UnsafeBufferPointer<UInt8>, flagStart: UInt32, flagCount: UInt16) -> Bool {
    // Most words have no capital at all.
    var hasCapital = false
    var index = 0
    while index < word.count {
      let byte = word[index]
      if byte < 0x80 {
        if byte >= 0x41 && byte <= 0x5A {
          hasCapital = true
          break
        }
        index += 1
        continue
      }
      let (scalar, length) = DictionaryUTF8.decode(word, at: index)
      if casing.lower(scalar) != scalar {
        hasCapital = true
        break
      }
      index += length
    }
    guard hasCapital else { return false }
    let capitalization = casing.capitalization(of: Array(word), 0..<word.count)
    let mixed = capitalization == .mixed || capitalization == .mixedInitial
    guard mixed || (capitalization == .all && flagCount > 0) else { return false }
    return !table.flagPool[Int(flagStart)..<Int(flagStart) + Int(flagCount)].contains(rules.forbiddenWord)
  }

  /// Adds the hidden copy: OpenOffice.org → Openoffice.org (for OPENOFFICE.ORG), CIA/S → Cia.
  private mutating func addHiddenCopy(_ word: [UInt8], flagStart: UInt32, flagCount: UInt16, description: UInt32) {
    var hiddenWord = casing.titlecased(word)
    if !rules.ignoredCharacters.isEmpty { hiddenWord = IgnoredCharacters.removing(rules.ignoredCharacters, from: hiddenWord) }
    let (hiddenStart, hiddenCount) = hiddenFlagSet(flagStart, flagCount)
    add(hiddenWord, flagStart: hiddenStart, flagCount: hiddenCount, description: description, hidden: true)
  }

  private mutating func add(_ word: [UInt8], flagStart: UInt32, flagCount: UInt16, description: UInt32,
                            hidden: Bool) {
    let stored = rules.complexPrefixes ? DictionaryUTF8.reversedCharacters(word) : word
    stored.withUnsafeBufferPointer { buffer in
      table.add(buffer, flagStart: flagStart, flagCount: flagCount, description: description, hidden: hidden)
    }
  }

  /// Hunspell turns `ph:` fields into REP rules: `wendsay` → `Wednesday` (and `Wendsay` for a
  /// capitalised word), `hepi->happi` as written, `prity*` → `pretty` minus the last characters.
  private mutating func addPhoneticReplacements(_ description: Int, word: [UInt8]) {
    let text = table.descriptions[description]
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
            table.phoneticReplacements.append(HunspellReplacement(pattern: pattern, replacement: lowered,
                                                              atWordStart: false, atWordEnd: false))
          }
          table.phoneticReplacements.append(HunspellReplacement(pattern: capitalized, replacement: replacement,
                                                            atWordStart: false, atWordEnd: false))
        }
      }
      table.phoneticReplacements.append(HunspellReplacement(pattern: pattern, replacement: replacement,
                                                        atWordStart: false, atWordEnd: false))
    }
  }

  /// The pool range of a flag field, decoded and sorted the first time it is seen (neighbouring
  /// lines often share their flags: the previous field is tried first).
  private mutating func internFlagField(_ field: UnsafeBufferPointer<UInt8>) -> (UInt32, UInt16) {
    if let previous = previousFlagField, previous.count == field.count,
      ByteRuns.equal(previous.baseAddress!, field.baseAddress, field.count)
    {
      return previousFlagRange
    }
    let range = internNewFlagField(field)
    previousFlagField = field
    previousFlagRange = range
    return range
  }

  private mutating func internNewFlagField(_ field: UnsafeBufferPointer<UInt8>) -> (UInt32, UInt16) {
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

  /// The description number of the morphological fields `bytes[range]` (interned; whether they
  /// hold a `ph:` field is noted once).
  private mutating func internDescription(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt32 {
    if !rules.morphologyAliases.isEmpty {
      let alias = DictionaryLines.number(Array(UnsafeBufferPointer(rebasing: bytes[range]))[...]) ?? 0
      guard alias > 0 && alias <= rules.morphologyAliases.count else { return 0 }
      let key = Array("@alias\(alias)".utf8)
      let (number, isNew) = key.withUnsafeBufferPointer { descriptions.intern($0) }
      if isNew { noteDescription(rules.morphologyAliases[alias - 1]) }
      return UInt32(number + 1)
    }
    let field = UnsafeBufferPointer(rebasing: bytes[range])
    if let previous = previousDescription, previous.count == field.count,
      ByteRuns.equal(previous.baseAddress!, field.baseAddress, field.count)
    {
      return previousDescriptionNumber
    }
    let (number, isNew) = descriptions.intern(field)
    if isNew { noteDescription(rules.encoding.decode(Array(field)[...])) }
    previousDescription = field
    previousDescriptionNumber = UInt32(number + 1)
    return UInt32(number + 1)
  }

  private mutating func noteDescription(_ text: String) {
    _ = table.addDescription(text)
    descriptionHasPhonetic.append(text.contains("ph:"))
  }
}
