import Foundation

/// A word for the differential test, and how it was made.
public struct GeneratedWord: Sendable, Hashable {
  public var text: String
  /// `form` (a form of a dictionary entry), `article` (from a text), or the edit that made a typo out of
  /// a form: `insert`, `delete`, `substitute`, `transpose`, `accent dropped`, `accent added`,
  /// `capitalised`, `all caps`, `lower case`, `mixed case`, `doubled`, `glued`, `hyphenated`.
  public var origin: String

  public init(text: String, origin: String) {
    self.text = text
    self.origin = origin
  }

  /// Whether it was made to be correct (a dictionary form or a word of a text) rather than a typo.
  public var isMeantCorrect: Bool { origin == "form" || origin == "article" }
}

/// Word lists for comparing a spell checker with Hunspell, the same on every run for a seed: real
/// forms of the dictionary's entries (inflected, with prefixes such as French elisions), typos made
/// from them by one edit, and optionally the words of some texts. Every word is one token for the
/// `hunspell` command, so that its verdicts can be read back word for word.
public enum WordListGenerator {
  /// The typos: one edit of a correct form each.
  public enum Edit: String, CaseIterable, Sendable {
    case insert, delete, substitute, transpose
    case accentDropped = "accent dropped"
    case accentAdded = "accent added"
    case capitalised
    case allCaps = "all caps"
    case lowerCase = "lower case"
    case mixedCase = "mixed case"
    case doubled, glued, hyphenated
  }

  /// `correct` forms of entries sampled from `dictionary`, `misspelled` edits of them, and the words of
  /// `texts` (each once), shuffled together. Duplicates are dropped, so a typo that happens to be
  /// another form stays once.
  public static func make(
    affix: [UInt8], dictionary: [UInt8], correct: Int, misspelled: Int, seed: UInt64, texts: [String] = []
  ) -> [GeneratedWord] {
    let forms = HunspellWordForms(affix: affix, dictionary: dictionary)
    let tokenizer = HunspellTokenizer(wordCharacters: forms.wordCharacters)
    var random = SplitMix64(seed: seed)
    var seen: Set<String> = []
    var result: [GeneratedWord] = []

    // Correct forms: entries in a random order, up to three random forms of each.
    var order = Array(forms.entries.indices)
    shuffle(&order, &random)
    var correctForms: [String] = []
    for index in order where correctForms.count < correct {
      for form in forms.randomForms(of: forms.entries[index], count: 3, random: &random) where correctForms.count < correct {
        guard tokenizer.isOneToken(form), seen.insert(form).inserted else { continue }
        correctForms.append(form)
        result.append(GeneratedWord(text: form, origin: "form"))
      }
    }

    // Typos.
    let alphabet = forms.tryCharacters.filter { $0.properties.isLowercase }
    var typos = 0
    var attempts = 0
    while typos < misspelled && attempts < misspelled * 20 && !correctForms.isEmpty {
      attempts += 1
      let source = correctForms[random.below(correctForms.count)]
      let edit = Edit.allCases[random.below(Edit.allCases.count)]
      let other = correctForms[random.below(correctForms.count)]
      guard let typo = apply(edit, to: source, other: other, alphabet: alphabet, random: &random),
        typo != source, tokenizer.isOneToken(typo), seen.insert(typo).inserted
      else { continue }
      typos += 1
      result.append(GeneratedWord(text: typo, origin: edit.rawValue))
    }

    // Words of texts, in order of appearance.
    for text in texts {
      for token in tokenizer.tokens(in: text) where seen.insert(token).inserted {
        result.append(GeneratedWord(text: token, origin: "article"))
      }
    }
    shuffle(&result, &random)
    return result
  }

  /// `word` with one edit, or nil when the edit does not apply (no accent to drop, one letter…).
  static func apply(
    _ edit: Edit, to word: String, other: String, alphabet: [Unicode.Scalar], random: inout SplitMix64
  ) -> String? {
    var scalars = Array(word.unicodeScalars)
    guard !scalars.isEmpty else { return nil }
    let letters = scalars.indices.filter { scalars[$0].properties.isAlphabetic }
    func string(_ scalars: [Unicode.Scalar]) -> String { String(String.UnicodeScalarView(scalars)) }
    switch edit {
    case .insert:
      guard !alphabet.isEmpty else { return nil }
      scalars.insert(random.pick(alphabet), at: random.below(scalars.count + 1))
    case .delete:
      guard scalars.count > 1 else { return nil }
      scalars.remove(at: random.below(scalars.count))
    case .substitute:
      guard !alphabet.isEmpty else { return nil }
      scalars[random.below(scalars.count)] = random.pick(alphabet)
    case .transpose:
      guard scalars.count > 1 else { return nil }
      let index = random.below(scalars.count - 1)
      scalars.swapAt(index, index + 1)
    case .accentDropped:
      let accented = scalars.indices.filter { accentFree[scalars[$0]] != nil }
      guard !accented.isEmpty else { return nil }
      let index = random.pick(accented)
      scalars[index] = accentFree[scalars[index]]!
    case .accentAdded:
      let plain = scalars.indices.filter { accentedForms[scalars[$0]] != nil }
      guard !plain.isEmpty else { return nil }
      let index = random.pick(plain)
      scalars[index] = random.pick(accentedForms[scalars[index]]!)
    case .capitalised:
      guard let first = letters.first else { return nil }
      return string(Array(scalars[..<first])) + string(Array(scalars[first...])).capitalizedFirst
    case .allCaps:
      return word.uppercased()
    case .lowerCase:
      return word.lowercased()
    case .mixedCase:
      guard let index = letters.isEmpty ? nil : random.pick(letters) else { return nil }
      let scalar = String(scalars[index])
      let flipped = scalar == scalar.lowercased() ? scalar.uppercased() : scalar.lowercased()
      return string(Array(scalars[..<index])) + flipped + string(Array(scalars[(index + 1)...]))
    case .doubled:
      guard let index = letters.isEmpty ? nil : random.pick(letters) else { return nil }
      scalars.insert(scalars[index], at: index)
    case .glued:
      return word + other.lowercased()
    case .hyphenated:
      return word + "-" + other
    }
    return string(scalars)
  }

  /// Fisher–Yates with SplitMix64, spelled out so that the order never depends on the standard
  /// library's version.
  static func shuffle<T>(_ array: inout [T], _ random: inout SplitMix64) {
    guard array.count > 1 else { return }
    for index in stride(from: array.count - 1, to: 0, by: -1) {
      array.swapAt(index, random.below(index + 1))
    }
  }

  /// Accented letters of French (and a few others) and their plain letter.
  static let accentedForms: [Unicode.Scalar: [Unicode.Scalar]] = [
    "a": ["à", "â", "ä"], "e": ["é", "è", "ê", "ë"], "i": ["î", "ï"], "o": ["ô", "ö"], "u": ["ù", "û", "ü"],
    "c": ["ç"], "y": ["ÿ"], "n": ["ñ"], "E": ["É", "È"], "A": ["À"],
  ]
  static let accentFree: [Unicode.Scalar: Unicode.Scalar] = {
    var result: [Unicode.Scalar: Unicode.Scalar] = [:]
    for (plain, accented) in accentedForms {
      for scalar in accented { result[scalar] = plain }
    }
    result["œ"] = "o"
    return result
  }()
}

/// How the `hunspell` command splits text into words (its `TextParser`): letters and the `.aff`'s
/// `WORDCHARS` make words; an apostrophe (`'` or `’`) between two of them stays inside a word when the
/// dictionary counts either apostrophe as a word character.
public struct HunspellTokenizer: Sendable {
  public var wordCharacters: Set<Unicode.Scalar>

  public init(wordCharacters: Set<Unicode.Scalar>) { self.wordCharacters = wordCharacters }

  func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
    // Hunspell's letter table covers the Basic Multilingual Plane only.
    (scalar.value <= 0xFFFF && scalar.properties.isAlphabetic && !scalar.properties.generalCategory.isMark)
      || wordCharacters.contains(scalar)
  }

  /// The words of `text`, in order.
  public func tokens(in text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    let apostrophesInWords = wordCharacters.contains("'") || wordCharacters.contains("’")
    var tokens: [String] = []
    var start: Int?
    for index in scalars.indices {
      let scalar = scalars[index]
      if isWordCharacter(scalar) {
        if start == nil { start = index }
      } else if start != nil, apostrophesInWords, scalar == "'" || scalar == "’", index + 1 < scalars.count,
        isWordCharacter(scalars[index + 1])
      {
        continue
      } else if let first = start {
        tokens.append(String(String.UnicodeScalarView(scalars[first..<index])))
        start = nil
      }
    }
    if let first = start { tokens.append(String(String.UnicodeScalarView(scalars[first...]))) }
    // A colon ends no token here (it is not a word character), so Hunspell's colon rule never applies.
    return tokens
  }

  /// Whether `word` is exactly one token.
  public func isOneToken(_ word: String) -> Bool { tokens(in: word) == [word] }
}

extension Unicode.GeneralCategory {
  fileprivate var isMark: Bool {
    self == .nonspacingMark || self == .spacingMark || self == .enclosingMark
  }
}

extension String {
  /// The first character in upper case, the rest as is.
  fileprivate var capitalizedFirst: String {
    guard let first else { return self }
    return first.uppercased() + dropFirst()
  }
}

extension WordListGenerator {
  /// The sizes and seeds of the differential test's lists, by language: French 100,000 forms and
  /// 100,000 typos, English 50,000 and 50,000 (`DATELINE_DIFFERENTIAL_SEED` replays another seed).
  public static let differentialSizes: [String: (correct: Int, misspelled: Int, seed: UInt64)] = [
    "fr": (100_000, 100_000, 0xF4A3_C0DE),
    "en_US": (50_000, 50_000, 0xE4A3_C0DE),
  ]

  /// The word list of the differential test for `language` (`fr` or `en_US`): forms and typos, plus
  /// the words of the shared articles in that language when `../shared` is there.
  public static func differentialList(language: String, affix: [UInt8], dictionary: [UInt8]) -> [GeneratedWord] {
    let sizes = differentialSizes[language] ?? (50_000, 50_000, 1)
    let seed = SplitMix64.seed(fromEnvironment: "DATELINE_DIFFERENTIAL_SEED", default: sizes.seed)
    return make(
      affix: affix, dictionary: dictionary, correct: sizes.correct, misspelled: sizes.misspelled, seed: seed,
      texts: articleTexts(language: String(language.prefix(2))))
  }

  /// The texts of the shared articles (`shared/articles`, `shared/corpus-dev`) in `language` (`fr`,
  /// `en`): by their `lang:` line, else by counting common words. Empty without `../shared`.
  public static func articleTexts(language: String) -> [String] {
    var texts: [String] = []
    for folder in ["articles", "corpus-dev"] {
      let url = SharedFixtures.shared(folder)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
      for name in names.sorted() where name.hasSuffix(".news") || name.hasSuffix(".txt") {
        guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path) else { continue }
        let text = String(decoding: data, as: UTF8.self)
        if articleLanguage(text) == language { texts.append(text) }
      }
    }
    return texts
  }

  static func articleLanguage(_ text: String) -> String {
    for line in text.split(separator: "\n").prefix(12) where line.hasPrefix("lang:") {
      return line.dropFirst(5).trimmingCharacters(in: .whitespaces)
    }
    let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
    let english = words.filter { ["the", "and", "of", "to", "is"].contains($0) }.count
    let french = words.filter { ["le", "la", "les", "et", "de", "des", "est"].contains($0) }.count
    return english > french ? "en" : "fr"
  }
}
