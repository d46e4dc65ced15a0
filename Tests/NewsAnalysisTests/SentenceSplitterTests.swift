import NewsAnalysis
import TestSupport
import Testing

/// Where sentences end: after `.`, `?`, `!` or `…` with their closing marks, but not after the
/// abbreviations and initials that a name or a number follows.
@Suite struct SentenceSplitterTests {
  /// The sentences of a one-paragraph text, from their first token to their last.
  static func sentences(_ text: String) -> [String] {
    let article = Article.markdown(text)
    return article.blocks.indices.flatMap { index in
      article.sentences(inBlock: index).map { sentence in
        article.text(of: article.tokens[sentence.lowerBound].range.lowerBound..<article.tokens[sentence.upperBound - 1].range.upperBound)
      }
    }
  }

  @Test(arguments: [
    ("M. Dupont est arrivé. Mme Durand aussi.", ["M. Dupont est arrivé.", "Mme Durand aussi."]),
    ("Mme. Durand et MM. Martin sont là. Fin.", ["Mme. Durand et MM. Martin sont là.", "Fin."]),
    ("Le Dr. House soigne. Le Pr. Raoult aussi.", ["Le Dr. House soigne.", "Le Pr. Raoult aussi."]),
    ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
    ("Voir p. 12 et art. 5. La suite.", ["Voir p. 12 et art. 5.", "La suite."]),
    ("Des chars, des missiles, etc. sont arrivés.", ["Des chars, des missiles, etc. sont arrivés."]),
    ("Des chars, des missiles, etc. Soit dit en passant, la suite.", ["Des chars, des missiles, etc.", "Soit dit en passant, la suite."]),
    ("C'est ce qu'il est. Nous partons.", ["C'est ce qu'il est.", "Nous partons."]),
    ("Il a raté son vol. Le suivant part.", ["Il a raté son vol.", "Le suivant part."]),
    ("Ils étaient sept. Le huitième arriva.", ["Ils étaient sept.", "Le huitième arriva."]),
    ("The U.S. Army arrived. Then it left.", ["The U.S. Army arrived.", "Then it left."]),
    ("Read it, e.g. Chapter 2. Then stop.", ["Read it, e.g. Chapter 2.", "Then stop."]),
  ])
  func abbreviations(text: String, expected: [String]) {
    #expect(Self.sentences(text) == expected)
  }

  @Test func initialsDoNotEndASentence() {
    #expect(Self.sentences("J. K. Rowling a écrit. Il part.") == ["J. K. Rowling a écrit.", "Il part."])
    #expect(Self.sentences("Selon George W. Bush, non.") == ["Selon George W. Bush, non."])
  }

  @Test func frenchSpacedQuestionAndExclamationMarksEndSentences() {
    #expect(Self.sentences("Était-ce une coïncidence\u{202F}? Ces attentats ont eu lieu.") == [
      "Était-ce une coïncidence\u{202F}?", "Ces attentats ont eu lieu.",
    ])
    #expect(Self.sentences("Quelle victoire ! Les supporters exultent.") == ["Quelle victoire !", "Les supporters exultent."])
    #expect(Self.sentences("Quelle victoire ! dit-il.") == ["Quelle victoire ! dit-il."], "a lower-case word continues")
    #expect(Self.sentences("Vraiment ?! Oui.") == ["Vraiment ?!", "Oui."])
  }

  @Test func closingQuotesGoWithTheSentenceTheyEnd() {
    #expect(Self.sentences("« C'est fini. » Il est parti.") == ["« C'est fini. »", "Il est parti."])
    #expect(Self.sentences("Il a dit : « Non\u{A0}! » Puis il est parti.") == ["Il a dit : « Non\u{A0}! »", "Puis il est parti."])
    #expect(Self.sentences("He said \"No.\" Then he left.") == ["He said \"No.\"", "Then he left."])
    #expect(Self.sentences("Elle a dit « non ». Puis elle est partie.") == ["Elle a dit « non ».", "Puis elle est partie."])
  }

  @Test func ellipsesEndSentencesBeforeACapital() {
    #expect(Self.sentences("Il hésita… Puis il partit.") == ["Il hésita…", "Puis il partit."])
    #expect(Self.sentences("Attends... Quoi ? Rien.") == ["Attends...", "Quoi ?", "Rien."])
    #expect(Self.sentences("Il hésita… puis partit.") == ["Il hésita… puis partit."])
  }

  @Test func aDotGluedToTheNextSentenceStillEndsIt() {
    #expect(Self.sentences("The fire grew this afternoon.Firefighters arrived.") == ["The fire grew this afternoon.", "Firefighters arrived."])
    #expect(Self.sentences("analyste biélorusse, Artiom Schreibmann.Il a également exhorté.") == [
      "analyste biélorusse, Artiom Schreibmann.", "Il a également exhorté.",
    ])
    #expect(Self.sentences("Le site lemonde.fr publie.") == ["Le site lemonde.fr publie."], "a lower-case word after the dot does not start one")
  }

  @Test func numbersStartSentencesAndDecimalsDoNot() {
    #expect(Self.sentences("Le 24 février. 30 000 soldats attaquent.") == ["Le 24 février.", "30 000 soldats attaquent."])
    #expect(Self.sentences("Il y a 6 à 11 %. C'est peu.") == ["Il y a 6 à 11 %.", "C'est peu."])
    #expect(Self.sentences("Il mesure 1.85 m. Il court.") == ["Il mesure 1.85 m.", "Il court."])
  }

  @Test func aSentenceWithoutFinalPunctuationStillCounts() {
    #expect(Self.sentences("Première phrase. Une seconde sans point") == ["Première phrase.", "Une seconde sans point"])
  }

  @Test func sentencesCoverEveryTokenOfTheBlockInOrder() {
    let article = Article.markdown("« Oui. » Non ! Peut-être… Enfin, M. Martin arrive. Fin")
    let sentences = article.sentences(inBlock: 0)
    #expect(sentences.first?.lowerBound == article.blocks[0].tokens.lowerBound)
    #expect(sentences.last?.upperBound == article.blocks[0].tokens.upperBound)
    for (a, b) in zip(sentences, sentences.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
    #expect(sentences.count == 5)
  }
}
