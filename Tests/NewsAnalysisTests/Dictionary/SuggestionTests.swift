import Foundation
import NewsAnalysis
import Testing

/// `HunspellDictionary.suggest`: the fixes a journalist should see first with the system's French
/// and English dictionaries (skipped with a message when they are missing, except under CI), and
/// Dateline's re-ranking rules on small dictionaries written here.
@Suite struct SuggestionTests {
  /// Misspellings and the suggestion that must come first.
  static let french: [(String, String)] = [
    ("prefecture", "préfecture"), ("trés", "très"), ("négotiations", "négociations"),
    ("escroquerrie", "escroquerie"), ("toulouse", "Toulouse"), ("gouvernemnt", "gouvernement"),
    ("producton", "production"), ("marseille", "Marseille"), ("déja", "déjà"), ("tournnée", "tournée"),
    ("éxposition", "exposition"), ("exeptionnel", "exceptionnel"), ("Prefecture", "Préfecture"),
  ]
  static let english: [(String, String)] = [
    ("containement", "containment"), ("firefigthers", "firefighters"), ("producton", "production"),
    ("goverment", "government"), ("Goverment", "Government"),
  ]

  @Test func frenchFixesComeFirst() throws {
    guard let french = try SystemDictionaryTests.load("fr") else { return }
    for (misspelling, fix) in Self.french {
      let suggestions = french.suggest(misspelling)
      #expect(suggestions.first == fix, "fr: \(misspelling) → \(suggestions)")
      #expect(suggestions.count <= 15)
    }
  }

  @Test func englishFixesComeFirst() throws {
    guard let english = try SystemDictionaryTests.load("en_US") else { return }
    for (misspelling, fix) in Self.english {
      let suggestions = english.suggest(misspelling)
      #expect(suggestions.first == fix, "en_US: \(misspelling) → \(suggestions)")
    }
  }

  /// Edits alone give the best suggestion of `suggest` (and some of the others) when an edit is a
  /// word, and nothing (no n-gram search) for a name far from every word.
  @Test func editSuggestionsAreSuggestWithoutTheNgramSearch() throws {
    guard let french = try SystemDictionaryTests.load("fr") else { return }
    for (misspelling, _) in Self.french {
      let edits = french.editSuggestions(misspelling)
      let all = french.suggest(misspelling)
      #expect(edits.first == all.first && edits.allSatisfy(all.contains), "fr: \(misspelling) → \(edits), \(all)")
    }
    #expect(french.editSuggestions("gouvernemnt").first == "gouvernement")
    #expect(french.editSuggestions("Schreibmann").isEmpty)
    #expect(!french.suggest("Schreibmann").isEmpty)
  }

  /// Suggestions are words the dictionary accepts (or pairs of them), never the misspelling, never
  /// repeated.
  @Test func suggestionsAreRightWords() throws {
    guard let french = try SystemDictionaryTests.load("fr") else { return }
    for misspelling in ["acever", "bâtment", "surla", "lemontant", "chiffee", "Gouvernemnt", "PREFECTURE"] {
      let suggestions = french.suggest(misspelling)
      #expect(!suggestions.isEmpty, "\(misspelling)")
      #expect(Set(suggestions).count == suggestions.count, "\(misspelling): \(suggestions)")
      #expect(!suggestions.contains(misspelling))
      for suggestion in suggestions {
        let parts = suggestion.split(separator: " ").map(String.init)
        #expect(parts.allSatisfy { french.check($0) }, "\(misspelling) → \(suggestion)")
      }
    }
    #expect(french.suggest("").isEmpty)
  }

  // MARK: - The re-ranking rules, on small dictionaries

  static func dictionary(_ affix: String, _ words: [String]) throws -> HunspellDictionary {
    let dic = "\(words.count)\n" + words.joined(separator: "\n") + "\n"
    return try HunspellDictionary(affix: Array(affix.utf8), dictionary: Array(dic.utf8))
  }

  /// Hunspell stops at a REP suggestion; the word with its accent restored still comes first.
  @Test func accentRestoredBeforeReplacement() throws {
    let dictionary = try Self.dictionary("SET UTF-8\nREP 1\nREP és ais\nMAP 1\nMAP eéèê\n", ["très", "trais"])
    #expect(dictionary.hunspellSuggestions("trés") == ["trais"])
    #expect(dictionary.suggest("trés") == ["très", "trais"])
    #expect(dictionary.suggest("Trés") == ["Très", "Trais"])
  }

  /// A lower-case misspelling of a name: the name first.
  @Test func capitalRestoredFirst() throws {
    let dictionary = try Self.dictionary("SET UTF-8\n", ["pairs", "Paris"])
    #expect(dictionary.hunspellSuggestions("paris") == ["pairs", "Paris"])
    #expect(dictionary.suggest("paris") == ["Paris", "pairs"])
    // Capitals typed on purpose keep Hunspell's order.
    #expect(dictionary.suggest("PARIS") == dictionary.hunspellSuggestions("PARIS"))
  }

  /// A letter left out comes before a letter too many.
  @Test func letterLeftOutBeforeLetterTooMany() throws {
    let dictionary = try Self.dictionary("SET UTF-8\nTRY e\n", ["gouvernent", "gouvernement"])
    #expect(dictionary.hunspellSuggestions("gouvernemnt") == ["gouvernent", "gouvernement"])
    #expect(dictionary.suggest("gouvernemnt") == ["gouvernement", "gouvernent"])
  }

  /// French-sized MAP tables (every vowel with its accents and capitals) make too many
  /// combinations for Hunspell's search; the limited search still finds words up to three
  /// changes away, and nothing is found twice.
  @Test func limitedMapSearch() throws {
    let affix = """
      SET UTF-8
      MAP 6
      MAP aàâäAÀÂÄ
      MAP eéèêëEÉÈÊË
      MAP iîïyIÎÏY
      MAP oôöOÔÖ
      MAP uùûüUÙÛÜ
      MAP cçCÇ

      """
    let dictionary = try Self.dictionary(affix, ["préférée", "événement", "référendaire"])
    #expect(dictionary.suggest("preferee") == ["préférée"])
    #expect(dictionary.suggest("evenement") == ["événement"])
    #expect(dictionary.suggest("referendaire") == ["référendaire"])
  }

  /// FORCEUCASE, KEEPCASE and the dots of abbreviations, as Hunspell treats them.
  @Test func caseRulesOfTheAffixFile() throws {
    let forced = try Self.dictionary("FORCEUCASE U\nTRY a\n", ["bar/U", "foo"])
    #expect(forced.suggest("bar") == ["Bar"])
    let kept = try Self.dictionary("KEEPCASE K\n", ["foo/K", "Bar/K"])
    #expect(kept.suggest("Foo") == ["foo"])
    #expect(kept.suggest("BAR") == ["Bar"])
  }
}
