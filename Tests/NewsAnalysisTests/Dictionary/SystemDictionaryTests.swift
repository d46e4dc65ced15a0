import Foundation
import NewsAnalysis
import TestSupport
import Testing

/// The French and American English dictionaries of the system (`/usr/share/hunspell`, Debian
/// packages hunspell-fr-classical and hunspell-en-us, installed by `.ci/run`): words the
/// `hunspell` command accepts and rejects, and the morphological fields of names. Skipped with a
/// message when the dictionaries are missing, except under CI.
@Suite struct SystemDictionaryTests {
  static let folder = "/usr/share/hunspell"

  /// The dictionary `name`, or nil (with a message) when it is not installed and this is no CI run.
  static func load(_ name: String) throws -> HunspellDictionary? {
    let affix = FileManager.default.contents(atPath: "\(folder)/\(name).aff")
    let dictionary = FileManager.default.contents(atPath: "\(folder)/\(name).dic")
    guard let affix, let dictionary else {
      if EditorAvailability.isCI {
        Issue.record("\(folder)/\(name).aff and .dic are missing (apt-get install hunspell-fr-classical hunspell-en-us)")
      } else {
        print("SystemDictionaryTests: \(folder)/\(name).dic is not installed; skipping (.ci/run installs it)")
      }
      return nil
    }
    return try HunspellDictionary(affix: [UInt8](affix), dictionary: [UInt8](dictionary))
  }

  // What `hunspell -d /usr/share/hunspell/fr` answers (hunspell-fr-classical 7.0).
  static let frenchAccepted = [
    "l'homme", "qu'il", "aujourd'hui", "porte-parole", "Saint-Pétersbourg", "Poutine", "poutine", "maisons",
    "chantaient", "journalistes", "présidentielle", "élections", "l'Assemblée", "d'Europe", "jusqu'à", "c'est",
    "c’est", "l’homme", "L'OBSERVATOIRE", "ÉTÉ", "Paris", "Marseille", "Bruxelles", "Kiev", "Macron",
    "Biélorussie", "grève", "contrôleurs", "sénateurs", "belle", "beaux", "belles", "finissions", "allées",
    "ouvrirent", "vingt-trois", "peut-être", "grand-mère",
  ]
  static let frenchRejected = [
    "Loukachenko", "Zelensky", "maisonn", "chantaientt", "eleccion", "journaliste-", "Parisss", "aujourdhui",
    "qu'ill", "biélorussie", "lhomme",
  ]

  // What `hunspell -d /usr/share/hunspell/en_US` answers (hunspell-en-us 2020.12.07).
  static let englishAccepted = [
    "don't", "don’t", "color", "Carnegie", "Sydney", "harbor", "ferries", "electric", "commuters", "running", "happiest",
    "unhappy", "rebuilt", "It's", "NASA", "CEO", "1st", "22nd", "103rd", "Washington", "Obama", "Biden",
    "McDonald's", "e-mail", "well-known", "cannot",
  ]
  static let englishRejected = [
    "colour", "harbour", "colours", "harbours", "Carnegies", "teh", "recieve", "definately", "U.S.", "don'",
  ]

  @Test func frenchWordsAsHunspellChecksThem() throws {
    guard let french = try Self.load("fr") else { return }
    for word in Self.frenchAccepted { #expect(french.check(word), "fr should accept \(word)") }
    for word in Self.frenchRejected { #expect(!french.check(word), "fr should reject \(word)") }
    #expect(french.wordCharacters.contains("’"))
  }

  @Test func frenchNamesCarryTheirKind() throws {
    guard let french = try Self.load("fr") else { return }
    #expect(french.morphology(of: "Poutine")?.contains("po:patr") == true, "a surname")
    #expect(french.morphology(of: "Macron")?.contains("po:patr") == true)
    #expect(french.morphology(of: "Jean")?.contains("po:prn") == true, "a first name")
    #expect(french.morphology(of: "Bruxelles")?.contains("po:npr") == true, "a proper noun")
    #expect(french.morphology(of: "Paris")?.contains("po:npr") == true)
    #expect(french.morphology(of: "maisons")?.contains("is:pl") == true)
    #expect(french.morphology(of: "chantaient")?.contains("st:chanter") == true)
    #expect(french.morphology(of: "Loukachenko") == nil)
  }

  @Test func englishWordsAsHunspellChecksThem() throws {
    guard let english = try Self.load("en_US") else { return }
    for word in Self.englishAccepted { #expect(english.check(word), "en_US should accept \(word)") }
    for word in Self.englishRejected { #expect(!english.check(word), "en_US should reject \(word)") }
  }

  @Test func theDictionariesCanBeSharedBetweenTasks() async throws {
    guard let french = try Self.load("fr") else { return }
    let results = await withTaskGroup(of: Bool.self) { group in
      for _ in 0..<4 {
        group.addTask { Self.frenchAccepted.allSatisfy { french.check($0) } && !Self.frenchRejected.contains { french.check($0) } }
      }
      return await group.reduce(into: [Bool]()) { $0.append($1) }
    }
    #expect(results == [true, true, true, true])
  }
}
