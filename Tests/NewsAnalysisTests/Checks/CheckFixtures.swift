import Foundation
import NewsAnalysis
import TestSupport

/// Small dictionaries written for the check tests, so each expectation depends on words the test
/// names, and the real bundled dictionaries for the tests about real articles.
enum CheckFixtures {
  /// A tiny French dictionary: a few words, first names and surnames with their morphology.
  static let miniFrench: SpellingDictionary = {
    let affix = """
      SET UTF-8
      TRY esaitnrulodcpmvéqfbghjàxyèêzçôkwûîâœëïüù
      WORDCHARS -'’
      FLAG long
      PFX L' Y 1
      PFX L' 0 l' [aeiouhéèêàâôûîœ]
      SFX S. Y 1
      SFX S. 0 s .
      """
    let words = [
      "la", "le", "les", "de", "des", "du", "sur", "dans", "en", "et", "à", "a", "nous", "vous", "se", "sont", "est",
      "guerre/S.", "gouvernement/S.", "entraîne", "traîne", "analyste/S.", "depuis", "président/S.", "russe/S.",
      "missile/S.", "voisin/S.", "chaque", "jour/S.", "préfecture/S.", "poutine/S.", "croisière/S.", "base/S.", "vers",
      "Russie/L' po:npr", "Biélorussie/L' po:npr", "Vladimir po:prn", "Poutine po:patr", "Kiev po:npr",
      "Moscou po:npr", "homme/S.L'", "exploitation/S.", "avec", "voir", "ou", "écrire", "dit", "sommes", "OTAN", "G7",
    ]
    let dictionary = "\(words.count)\n" + words.joined(separator: "\n") + "\n"
    return SpellingDictionary(
      language: "fr", hunspell: try! HunspellDictionary(affix: Array(affix.utf8), dictionary: Array(dictionary.utf8)))
  }()

  /// A tiny English dictionary.
  static let miniEnglish: SpellingDictionary = {
    let affix = "SET UTF-8\nTRY esianrtolcdugmphbyfvkwzxjq\nWORDCHARS '\n"
    let words = [
      "the", "of", "a", "on", "in", "to", "and", "is", "we", "are", "at", "beginning", "new", "revolution", "industrial",
      "demand", "production", "product", "government", "fire", "firefighters", "evacuation", "had", "that", "it",
      "Carnegie", "Sacramento",
    ]
    let dictionary = "\(words.count)\n" + words.joined(separator: "\n") + "\n"
    return SpellingDictionary(
      language: "en", hunspell: try! HunspellDictionary(affix: Array(affix.utf8), dictionary: Array(dictionary.utf8)))
  }()

  /// The findings of `text` (Markdown) with the mini dictionaries.
  static func findings(
    _ text: String, format: ArticleFormat = .markdown, settings: DatelineSettings = DatelineSettings(),
    words: [String] = []
  ) -> [Finding] {
    let setup = CheckSetup(dictionaries: [miniFrench, miniEnglish], settings: settings, workspaceWords: words)
    return ArticleChecker(setup: setup).findings(for: Article.parse(text, format: format))
  }

  /// `(rule, flagged text, first replacement)` of each finding.
  static func summary(_ text: String, _ findings: [Finding]) -> [String] {
    findings.map { finding in
      "\(finding.rule): \(text.utf8Slice(finding.range)) → \(finding.replacements.first ?? "-")"
    }
  }

  /// The French dictionary bundled in the binary.
  static let bundledFrench: SpellingDictionary = {
    let bundled = BundledDictionaries.dictionary(for: "fr")!
    return SpellingDictionary(
      language: "fr", hunspell: try! HunspellDictionary(affix: bundled.affix, dictionary: bundled.dictionary))
  }()

  /// The bundled or system dictionary for `language`, or nil when it cannot be found here.
  static func realDictionary(_ language: String) -> SpellingDictionary? {
    let name = LanguageCode.base(language) == "en" ? "en_US" : language
    for folder in ["/usr/share/hunspell"] {
      guard let affix = FileManager.default.contents(atPath: "\(folder)/\(name).aff"),
        let dictionary = FileManager.default.contents(atPath: "\(folder)/\(name).dic"),
        let hunspell = try? HunspellDictionary(affix: Array(affix), dictionary: Array(dictionary))
      else { continue }
      return SpellingDictionary(language: language, hunspell: hunspell)
    }
    return nil
  }
}
