import NewsAnalysis
import TestSupport
import Testing

/// Words, numbers and punctuation with their exact UTF-8 ranges, in French and English text.
@Suite struct TokenizerTests {
  /// The text of each token and its kind.
  static func tokens(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    return Tokenizer.tokens(of: text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
  }

  static func kinds(_ text: String) -> [Token.Kind] { Tokenizer.tokens(of: text).map(\.kind) }

  @Test(arguments: [
    ("l'Ukraine", ["l'", "Ukraine"]), ("l’Ukraine", ["l’", "Ukraine"]), ("qu'il", ["qu'", "il"]), ("qu’il", ["qu’", "il"]),
    ("jusqu'à", ["jusqu'", "à"]), ("jusqu’à", ["jusqu’", "à"]), ("lorsqu'on", ["lorsqu'", "on"]), ("lorsqu’on", ["lorsqu’", "on"]),
    ("d'Union", ["d'", "Union"]), ("c’est", ["c’", "est"]), ("L'OTAN", ["L'", "OTAN"]), ("n'a", ["n'", "a"]),
    ("puisqu'elle", ["puisqu'", "elle"]), ("qu'aujourd'hui", ["qu'", "aujourd'hui"]), ("l'ex-République", ["l'", "ex-République"]),
  ])
  func frenchElisionsAreTokensOfTheirOwnWithEitherApostrophe(word: String, expected: [String]) throws {
    let tokens = Tokenizer.tokens(of: "Et \(word) !")
    #expect(Self.tokens("Et \(word) !") == ["Et"] + expected + ["!"])
    let elision = tokens[1]
    #expect(elision.kind == .word)
    #expect(elision.shape.isSuperset(of: [.elision, .hasApostrophe]))
    #expect(!elision.countsAsWord, "l'Ukraine counts as one word, as editors count it")
    #expect(elision.range == 3..<(3 + expected[0].utf8.count))
    #expect(tokens[2].range.lowerBound == elision.range.upperBound)
    #expect(!tokens[2].shape.contains(.elision))
    #expect(tokens[2].countsAsWord)
  }

  @Test(arguments: ["aujourd'hui", "aujourd’hui", "quelqu'un", "presqu'île", "prud'homme", "Sheriff's", "don't", "we've", "O'Brien"])
  func otherApostrophesStayInsideTheirWord(word: String) {
    let tokens = Tokenizer.tokens(of: word)
    #expect(Self.tokens(word) == [word])
    #expect(tokens.first?.shape.contains(.hasApostrophe) == true)
    #expect(tokens.first?.shape.contains(.elision) == false)
  }

  @Test func elisionsDoNotAddToTheWordCount() {
    let article = Article.markdown("L'Ukraine et l’OTAN, aujourd'hui, jusqu'à Kiev.")
    // L'Ukraine, et, l’OTAN, aujourd'hui, jusqu'à, Kiev.
    #expect(article.blocks[0].wordCount == 6)
  }

  @Test func anApostropheOutsideAWordIsPunctuation() {
    #expect(Self.tokens("les élèves' cahiers, 'citation' et l' espace") == [
      "les", "élèves", "'", "cahiers", ",", "'", "citation", "'", "et", "l", "'", "espace",
    ])
    #expect(Self.tokens("the Sheriff's office, we've seen") == ["the", "Sheriff's", "office", ",", "we've", "seen"])
  }

  @Test func hyphenatedCompoundsAreOneWord() {
    #expect(Self.tokens("Saint-Pétersbourg, le porte-parole de l'ex-République, vis-à-vis, ajoute-t-il.") == [
      "Saint-Pétersbourg", ",", "le", "porte-parole", "de", "l'", "ex-République", ",", "vis-à-vis", ",", "ajoute-t-il", ".",
    ])
    #expect(Tokenizer.tokens(of: "porte-parole")[0].shape.contains(.hasHyphen))
  }

  @Test func aHyphenOrDashNotBetweenLettersIsPunctuation() {
    #expect(Self.tokens("pro- et anti-Brexit - un débat – vif") == ["pro", "-", "et", "anti-Brexit", "-", "un", "débat", "–", "vif"])
  }

  @Test(arguments: [
    ("1 200", ["1 200"]), ("1\u{A0}200", ["1\u{A0}200"]), ("1\u{202F}200", ["1\u{202F}200"]), ("1\u{2009}200", ["1\u{2009}200"]),
    ("1 200 000 euros", ["1 200 000", "euros"]), ("30 000 soldats", ["30 000", "soldats"]),
    ("3,5 %", ["3,5", "%"]), ("12 345,67", ["12 345,67"]), ("1,200.50", ["1,200.50"]), ("18,000", ["18,000"]),
    ("36,5 millions", ["36,5", "millions"]), ("0.25", ["0.25"]),
    // A group of four digits is a year or a count of its own, so the numbers stay apart.
    ("en 1991 200 soldats", ["en", "1991", "200", "soldats"]),
    // Groups after a space must have exactly three digits.
    ("les 6 à 11", ["les", "6", "à", "11"]), ("le 25 juin", ["le", "25", "juin"]), ("1 20", ["1", "20"]), ("1 2000", ["1", "2000"]),
    // A separator must sit between digits.
    ("en 2022, 30", ["en", "2022", ",", "30"]), ("1991.", ["1991", "."]),
  ])
  func numbersKeepTheirFrenchAndEnglishSeparators(text: String, expected: [String]) {
    #expect(Self.tokens(text) == expected)
    for token in Tokenizer.tokens(of: text) where token.kind == .number {
      #expect(token.shape.contains(.hasDigit))
    }
  }

  @Test func acronymsAndInitials() throws {
    #expect(Self.tokens("L'OTAN, la SNCF et les U.S. ; J. K. Rowling.") == [
      "L'", "OTAN", ",", "la", "SNCF", "et", "les", "U.S", ".", ";", "J", ".", "K", ".", "Rowling", ".",
    ])
    let tokens = Tokenizer.tokens(of: "SNCF U.S. J.")
    #expect(tokens[0].shape.contains(.allUppercase))
    #expect(tokens[1].shape.isSuperset(of: [.hasDot, .allUppercase, .startsUppercase]))
    #expect(!tokens[3].shape.contains(.allUppercase), "one capital letter is not an acronym")
    #expect(tokens[3].shape.contains(.startsUppercase))
  }

  @Test func aDotBetweenWordsDoesNotJoinThem() {
    #expect(Self.tokens("this afternoon.Firefighters arrived") == ["this", "afternoon", ".", "Firefighters", "arrived"])
    #expect(Self.tokens("e.g. et i.e.") == ["e.g", ".", "et", "i.e", "."])
  }

  @Test func wordsMayHoldDigits() {
    let tokens = Tokenizer.tokens(of: "l'A64, le COVID-19 et l'Iskander-M")
    #expect(Self.tokens("l'A64, le COVID-19 et l'Iskander-M") == ["l'", "A64", ",", "le", "COVID-19", "et", "l'", "Iskander-M"])
    #expect(tokens.map(\.kind) == [.word, .word, .punctuation, .word, .word, .word, .word, .word])
    #expect(tokens[1].shape.contains(.hasDigit))
    #expect(tokens[4].shape.isSuperset(of: [.hasDigit, .hasHyphen, .allUppercase]))
    #expect(tokens[7].shape.isSuperset(of: [.hasHyphen, .startsUppercase]))
  }

  @Test func shapesDescribeTheLetters() {
    let shapes = Tokenizer.tokens(of: "laRussie Vladimirpoutine OTAN Biélorussie iPhone McDonald À Été").map(\.shape)
    #expect(shapes[0] == [.innerUppercase])
    #expect(shapes[1] == [.startsUppercase])
    #expect(shapes[2] == [.startsUppercase, .allUppercase])
    #expect(shapes[3] == [.startsUppercase])
    #expect(shapes[4] == [.innerUppercase])
    #expect(shapes[5] == [.startsUppercase, .innerUppercase])
    #expect(shapes[6] == [.startsUppercase])
    #expect(shapes[7] == [.startsUppercase])
  }

  @Test func emojiAreSymbolsNotWordsAndKeepExactRanges() {
    let text = "🔵 Paris ❤️ Lyon 👩🏽‍💻 dev 🇫🇷 fin"
    let tokens = Tokenizer.tokens(of: text)
    #expect(Self.tokens(text) == ["🔵", "Paris", "❤️", "Lyon", "👩🏽‍💻", "dev", "🇫🇷", "fin"])
    #expect(tokens.map(\.kind) == [.punctuation, .word, .punctuation, .word, .punctuation, .word, .punctuation, .word])
    #expect(tokens[1].range == 5..<10, "🔵 is four UTF-8 bytes, then a space")
  }

  @Test func cjkRunsAndCombiningAccentsStayWhole() {
    #expect(Self.tokens("中文新闻 et Cafe\u{0301} au lait") == ["中文新闻", "et", "Cafe\u{0301}", "au", "lait"])
    #expect(Self.kinds("中文新闻") == [.word])
  }

  @Test func spacesOfEveryKindAreNotTokens() {
    #expect(Self.tokens("«\u{A0}Non\u{A0}», dit-il\u{202F}; puis\tpart\u{3000}ici") == ["«", "Non", "»", ",", "dit-il", ";", "puis", "part", "ici"])
  }

  @Test func rangesAreExactUTF8Offsets() {
    let marked = extractMarkers("🔵 1️⃣Élisabeth2️⃣ a dit «\u{A0}3️⃣aujourd’hui4️⃣\u{A0}» : 5️⃣1\u{202F}2006️⃣ €.")
    let ranges = Tokenizer.tokens(of: marked.text).map(\.range)
    #expect(ranges.contains(marked.range("1️⃣", "2️⃣")))
    #expect(ranges.contains(marked.range("3️⃣", "4️⃣")))
    #expect(ranges.contains(marked.range("5️⃣", "6️⃣")))
  }
}
