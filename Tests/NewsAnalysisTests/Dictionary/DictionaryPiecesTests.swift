@testable import NewsAnalysis
import Testing

/// The pieces of the Hunspell engine one by one: flag formats, conditions, aliases, character
/// sets, casing, conversion tables, the readers' handling of odd input.
@Suite struct DictionaryPiecesTests {
  static func dictionary(_ affix: String, _ words: [String]) throws -> HunspellDictionary {
    try HunspellDictionary(affix: Array(affix.utf8), dictionary: Array(("\(words.count)\n" + words.joined(separator: "\n")).utf8))
  }

  // MARK: - Flags

  @Test func singleCharacterFlagsAreBytes() {
    #expect(FlagFormat.singleByte.flags(Array("AbC".utf8)[...]) == [65, 98, 67])
    #expect(FlagFormat.singleByte.flag(Array("Z".utf8)[...]) == 90)
  }

  @Test func longFlagsArePairsOfBytes() {
    #expect(FlagFormat.long.flags(Array("AaBb".utf8)[...]) == [0x4161, 0x4262])
    // An odd byte at the end is dropped, as Hunspell does.
    #expect(FlagFormat.long.flags(Array("AaB".utf8)[...]) == [0x4161])
    #expect(FlagFormat.long.flag(Array("()".utf8)[...]) == 0x2829)
  }

  @Test func numericFlagsAreCommaSeparated() {
    #expect(FlagFormat.numeric.flags(Array("1,23,4521".utf8)[...]) == [1, 23, 4521])
    #expect(FlagFormat.numeric.flag(Array("65535".utf8)[...]) == 65535)
    #expect(FlagFormat.numeric.flag(Array("70000".utf8)[...]) == 0, "out of range reads as no flag")
  }

  @Test func unicodeFlagsAreCharacters() {
    #expect(FlagFormat.unicode.flags(Array("áé".utf8)[...]) == [0xE1, 0xE9])
    #expect(FlagFormat.unicode.flag(Array("ő".utf8)[...]) == 0x151)
  }

  @Test func theFlagLineNamesTheFormat() {
    #expect(FlagFormat(flagLine: Array("FLAG long".utf8)[...]) == .long)
    #expect(FlagFormat(flagLine: Array("FLAG num".utf8)[...]) == .numeric)
    #expect(FlagFormat(flagLine: Array("FLAG UTF-8".utf8)[...]) == .unicode)
  }

  @Test(arguments: [
    ("FLAG long\nSFX Aa Y 1\nSFX Aa 0 s .\n", "chat/Aa"),
    ("FLAG num\nSFX 101 Y 1\nSFX 101 0 s .\n", "chat/7,101"),
    ("FLAG UTF-8\nSET UTF-8\nSFX é Y 1\nSFX é 0 s .\n", "chat/é"),
    ("SFX A Y 1\nSFX A 0 s .\n", "chat/A"),
  ])
  func everyFlagFormatApplies(affix: String, entry: String) throws {
    let dictionary = try Self.dictionary(affix, [entry])
    #expect(dictionary.check("chats"))
    #expect(dictionary.check("chat"))
    #expect(!dictionary.check("chatss"))
  }

  // MARK: - Conditions

  @Test func conditionsMatchCharactersSetsAndDots() {
    let condition = AffixCondition(Array("[^aeiou]y".utf8))
    #expect(condition.count == 2)
    #expect(condition.matchesEnd(of: Array("happy".utf8), 0..<5))
    #expect(condition.matchesEnd(of: Array("cry".utf8), 0..<3))
    #expect(!condition.matchesEnd(of: Array("play".utf8), 0..<4))
    #expect(!condition.matchesEnd(of: Array("y".utf8), 0..<1), "a stem shorter than the condition fails")
    let start = AffixCondition(Array("[bcd].e".utf8))
    #expect(start.matchesStart(of: Array("bxe".utf8), 0..<3))
    #expect(!start.matchesStart(of: Array("aile".utf8), 0..<4))
    #expect(AffixCondition(Array(".".utf8)).positions.isEmpty)
  }

  @Test func conditionsReadUnicodeCharacters() {
    let condition = AffixCondition(Array("[áé]ő".utf8))
    #expect(condition.matchesEnd(of: Array("xéő".utf8), 0..<Array("xéő".utf8).count))
    #expect(!condition.matchesEnd(of: Array("xaő".utf8), 0..<Array("xaő".utf8).count))
    // A dot inside brackets is a plain dot.
    #expect(AffixCondition(Array("[.]".utf8)).positions == [.oneOf([0x2E])])
  }

  @Test func conditionsAndStripsWorkTogether() throws {
    let affix = """
      SFX D Y 4
      SFX D   0     d          e
      SFX D   y     ied        [^aeiou]y
      SFX D   0     ed         [^ey]
      SFX D   0     ed         [aeiou]y
      PFX R Y 1
      PFX R   0     re         .
      """
    let dictionary = try Self.dictionary(affix, ["create/DR", "cry/D", "play/D", "walk/DR"])
    for word in ["created", "cried", "played", "walked", "recreated", "rewalked"] {
      #expect(dictionary.check(word), "\(word)")
    }
    for word in ["createed", "cryed", "plaied", "replayed", "reed"] {
      #expect(!dictionary.check(word), "\(word)")
    }
  }

  // MARK: - Aliases

  @Test func flagAndMorphologyAliases() throws {
    let affix = """
      AF 2
      AF AB # 1
      AF A  # 2
      AM 2
      AM po:noun
      AM po:verb
      SFX A Y 1
      SFX A 0 s .
      PFX B Y 1
      PFX B 0 un .
      """
    // Morphology aliases come after a tab (a space before a number is no field).
    let dictionary = try Self.dictionary(affix, ["do/1\t2", "cat/2\t1"])
    #expect(dictionary.check("undos"))
    #expect(dictionary.check("cats"))
    #expect(!dictionary.check("uncats"))
    #expect(dictionary.morphology(of: "cat") == ["st:cat", "po:noun"])
    #expect(dictionary.morphology(of: "undo")?.contains("po:verb") == true)
  }

  // MARK: - Character sets

  @Test func eightBitSetsAreReadAsUnicode() throws {
    // ISO 8859-2: 0xF5 is ő, 0xE1 á; ISO 8859-15: 0xBD is œ, 0xA4 €; ISO 8859-1: 0xE9 é.
    #expect(DictionaryEncoding.isoLatin2.decode([0x66, 0xF5, 0xE1][...]) == "főá")
    #expect(DictionaryEncoding.isoLatin9.decode([0x63, 0xBD, 0x75, 0x72, 0xA4][...]) == "cœur€")
    #expect(DictionaryEncoding.isoLatin1.decode([0xE9, 0x74, 0xE9][...]) == "été")
    #expect(DictionaryEncoding(name: "ISO-8859-15") == .isoLatin9)
    #expect(DictionaryEncoding(name: "utf8") == .utf8)
    #expect(DictionaryEncoding(name: "KOI8-R") == nil)

    var affix = Array("SET ISO8859-2\nSFX A Y 1\nSFX A 0 k .\n".utf8)
    affix += []
    let dictionary = try HunspellDictionary(affix: affix, dictionary: [0x31, 0x0A, 0x66, 0xF5, 0x2F, 0x41, 0x0A])
    #expect(dictionary.check("fő"))
    #expect(dictionary.check("főк") == false)
    #expect(dictionary.check("fők"))
    #expect(dictionary.encodingName == "ISO8859-2")
  }

  @Test func aByteOrderMarkIsIgnored() throws {
    let affix: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("SET UTF-8\nSFX A Y 1\nSFX A 0 s .\n".utf8)
    let dictionary = try HunspellDictionary(affix: affix, dictionary: [0xEF, 0xBB, 0xBF] + Array("1\nété/A\n".utf8))
    #expect(dictionary.check("étés"))
  }

  @Test func anUnknownCharacterSetIsAnError() {
    #expect(throws: DictionaryError.self) {
      try HunspellDictionary(affix: Array("SET KOI8-R\n".utf8), dictionary: Array("1\nx\n".utf8))
    }
  }

  // MARK: - Casing

  @Test func capitalizationTypes() {
    let casing = HunspellCaseMapping(turkic: false)
    #expect(casing.capitalization(of: Array("maison".utf8)) == .lower)
    #expect(casing.capitalization(of: Array("Maison".utf8)) == .initial)
    #expect(casing.capitalization(of: Array("MAISON".utf8)) == .all)
    #expect(casing.capitalization(of: Array("ÉTÉ".utf8)) == .all)
    #expect(casing.capitalization(of: Array("OpenOffice".utf8)) == .mixedInitial)
    #expect(casing.capitalization(of: Array("iPhone".utf8)) == .mixed)
    #expect(casing.capitalization(of: Array("L'ÉTÉ-2".utf8)) == .all, "neutral characters count either way")
    #expect(casing.capitalization(of: Array("STRAßE".utf8)) == .all, "ß has no capital of its own")
  }

  @Test func caseMappingKeepsOneCharacterForOne() {
    let casing = HunspellCaseMapping(turkic: false)
    #expect(casing.lowercased(Array("ÉCOLE".utf8)) == Array("école".utf8))
    #expect(casing.uppercased(Array("straße".utf8)) == Array("STRAßE".utf8))
    #expect(casing.titlecased(Array("oPENOFFICE".utf8)) == Array("Openoffice".utf8))
    let turkic = HunspellCaseMapping(turkic: true)
    #expect(turkic.uppercased(Array("iç".utf8)) == Array("İÇ".utf8))
    #expect(turkic.lowercased(Array("IŞIK".utf8)) == Array("ışık".utf8))
  }

  @Test func capitalizationRulesOfChecks() throws {
    let affix = "KEEPCASE K\nWORDCHARS '\nPFX L Y 1\nPFX L 0 l' .\n"
    let dictionary = try Self.dictionary(affix, ["paris", "Paris", "NASA", "OpenOffice.org", "iPod/K", "observatoire/L", "Mr."])
    #expect(dictionary.check("Paris") && dictionary.check("PARIS") && dictionary.check("paris"))
    #expect(dictionary.check("NASA") && !dictionary.check("Nasa") && !dictionary.check("nasa"))
    #expect(dictionary.check("OPENOFFICE.ORG"), "all caps of a mixed-case word")
    #expect(!dictionary.check("Openoffice.org"))
    #expect(dictionary.check("iPod") && !dictionary.check("IPOD") && !dictionary.check("Ipod"), "KEEPCASE")
    #expect(dictionary.check("L'OBSERVATOIRE") && dictionary.check("l'observatoire"))
    #expect(dictionary.check("Mr.") && dictionary.check("Mr") == false)
  }

  // MARK: - Readers

  @Test func dictionaryLinesWithSlashesTabsAndFields() throws {
    let affix = "SFX A Y 1\nSFX A 0 s .\n"
    let dic = "4\n1\\/2/A\n/usr\nword/A\tpo:noun\nother/A po:noun is:sg\n"
    let dictionary = try HunspellDictionary(affix: Array(affix.utf8), dictionary: Array(dic.utf8))
    #expect(dictionary.check("1/2") && dictionary.check("1/2s"))
    #expect(dictionary.check("/usr"))
    #expect(dictionary.check("words"))
    #expect(dictionary.morphology(of: "others") == ["st:other", "po:noun", "is:sg"])
  }

  @Test func aWrongWordCountIsFineButNoCountIsAnError() throws {
    let dictionary = try HunspellDictionary(affix: [], dictionary: Array("1\na\nb\nc\n".utf8))
    #expect(dictionary.check("c"))
    #expect(throws: DictionaryError.self) { try HunspellDictionary(affix: [], dictionary: Array("word\n".utf8)) }
    #expect(throws: DictionaryError.self) { try HunspellDictionary(affix: [], dictionary: []) }
  }

  @Test func aBrokenAffixDirectiveStopsReadingAsInHunspell() throws {
    let affix = "SFX A Y 2\nSFX A 0 s .\n\nKEEPCASE K\n"
    let dictionary = try Self.dictionary(affix, ["cat/A", "iPod/K"])
    #expect(!dictionary.warnings.isEmpty)
    #expect(dictionary.check("cats"))
    #expect(dictionary.check("IPOD"), "KEEPCASE after the broken rule was not read")
  }

  @Test func conversionTablesUseTheLongestPatternAndAnchors() {
    var table = ConversionTable()
    table.add(pattern: Array("a".utf8), replacement: Array("b".utf8))
    table.add(pattern: Array("ab".utf8), replacement: Array("x".utf8))
    table.add(pattern: Array("_c".utf8), replacement: Array("S".utf8))
    table.add(pattern: Array("d_".utf8), replacement: Array("E".utf8))
    table.finish()
    #expect(table.convert(Array("aab".utf8)) == Array("bx".utf8))
    #expect(table.convert(Array("cdcd".utf8)) == Array("SdcE".utf8))
    #expect(table.convert(Array("zzz".utf8)) == nil)
  }

  @Test func breakPatternsSplitWords() throws {
    let dictionary = try Self.dictionary("", ["porte", "parole", "auto"])
    #expect(dictionary.check("porte-parole"))
    #expect(dictionary.check("-auto") && dictionary.check("auto-"))
    #expect(!dictionary.check("porte-parolle"))
    let none = try Self.dictionary("BREAK 0\n", ["porte", "parole"])
    #expect(!none.check("porte-parole"))
  }

  @Test func numbersAreAlwaysWords() throws {
    let dictionary = try Self.dictionary("", ["x"])
    for word in ["12", "1,200.50", "3-4", "٣"] { #expect(dictionary.check(word), "\(word)") }
    for word in ["1..2", "12a", "1,"] { #expect(!dictionary.check(word), "\(word)") }
    #expect(dictionary.check("-3"), "not a number, but 3 after the BREAK pattern ^-")
  }

  @Test func attributesOfTheAffixFileAreExposed() throws {
    let dictionary = try Self.dictionary("SET UTF-8\nLANG fr_FR\nTRY esianrt\nWORDCHARS -'’\n", ["x"])
    #expect(dictionary.language == "fr_FR")
    #expect(dictionary.tryCharacters == "esianrt")
    #expect(dictionary.wordCharacters == "-'’")
  }
}
