import NewsAnalysis
import TestSupport
import Testing

/// What inside a paragraph is not prose, so that later checks skip it: code spans, link targets,
/// images, references, footnotes, autolinks, bare URLs, e-mail addresses, HTML tags and escapes.
@Suite struct InlineMarkupTests {
  @Test func codeSpansAreNotProse() {
    let marked = extractMarkers("Tapez 1️⃣`dateline check`2️⃣ ou 3️⃣``un ` seul``4️⃣, mais un ` seul reste du texte.")
    let article = Article.markdown(marked.text)
    #expect(article.isNonProse(marked.range("1️⃣", "2️⃣")))
    #expect(article.isNonProse(marked.range("3️⃣", "4️⃣")))
    #expect(article.wordTexts == ["Tapez", "ou", "mais", "un", "seul", "reste", "du", "texte"])
  }

  @Test func aLinkTextIsProseAndItsTargetIsNot() {
    let marked = extractMarkers("Lire 1️⃣[2️⃣le rapport de l'ONU3️⃣](https://un.org/rapport_(2024) \"Rapport\")4️⃣ en entier.")
    let article = Article.markdown(marked.text)
    #expect(article.isProse(marked.range("2️⃣", "3️⃣")))
    #expect(article.isNonProse(marked.range("1️⃣", "2️⃣")))
    #expect(article.isNonProse(marked.range("3️⃣", "4️⃣")), "parentheses inside the target are balanced")
    #expect(article.wordTexts == ["Lire", "le", "rapport", "de", "l'", "ONU", "en", "entier"])
  }

  @Test func anImageAltTextIsProseAndItsSourceIsNot() {
    let marked = extractMarkers("1️⃣![2️⃣Le port de Sydney3️⃣](photos/ferry.jpg)4️⃣")
    let article = Article.markdown(marked.text)
    #expect(article.isNonProse(marked.range("1️⃣", "2️⃣")))
    #expect(article.isProse(marked.range("2️⃣", "3️⃣")))
    #expect(article.isNonProse(marked.range("3️⃣", "4️⃣")))
  }

  @Test func referenceLinksAndTheirDefinitionsAreMarkup() {
    let marked = extractMarkers(
      """
      Voir 1️⃣[2️⃣le communiqué3️⃣][cgt]4️⃣ du syndicat.

      5️⃣[cgt]: https://cgt.fr/communique "Communiqué de la CGT"6️⃣
      """)
    let article = Article.markdown(marked.text)
    #expect(article.isNonProse(marked.range("1️⃣", "2️⃣")))
    #expect(article.isProse(marked.range("2️⃣", "3️⃣")))
    #expect(article.isNonProse(marked.range("3️⃣", "4️⃣")))
    #expect(article.isNonProse(marked.range("5️⃣", "6️⃣")))
    #expect(article.wordTexts == ["Voir", "le", "communiqué", "du", "syndicat"])
  }

  @Test func footnoteReferencesAndMarkersAreMarkup() {
    let marked = extractMarkers("Selon l'Insee1️⃣[^1]2️⃣, le chômage baisse.\n\n3️⃣[^1]:4️⃣ Chiffres du premier trimestre.")
    let article = Article.markdown(marked.text)
    #expect(article.isNonProse(marked.range("1️⃣", "2️⃣")))
    #expect(article.isNonProse(marked.range("3️⃣", "4️⃣")))
    #expect(article.wordTexts.suffix(4) == ["Chiffres", "du", "premier", "trimestre"], "the note itself is prose")
  }

  @Test func autolinksAreNotProse() {
    let marked = extractMarkers("Écrire à 1️⃣<redaction@exemple.fr>2️⃣ ou voir 3️⃣<https://exemple.fr/contact>4️⃣.")
    let article = Article.markdown(marked.text)
    #expect(article.isNonProse(marked.range("1️⃣", "2️⃣")))
    #expect(article.isNonProse(marked.range("3️⃣", "4️⃣")))
    #expect(article.wordTexts == ["Écrire", "à", "ou", "voir"])
  }

  @Test func bareURLsEndBeforeTrailingPunctuation() {
    let marked = extractMarkers(
      "Voir 1️⃣https://www.lemonde.fr/international/article.html2️⃣. Aussi (3️⃣https://fr.wikipedia.org/wiki/Paris_(France)4️⃣), "
        + "5️⃣www.sncf-connect.com6️⃣, 7️⃣http://exemple.fr/a?b=1&c=28️⃣ ! Et 9️⃣ftp://ftp.exemple.org/0️⃣…")
    let article = Article.markdown(marked.text)
    for (from, to) in [("1️⃣", "2️⃣"), ("3️⃣", "4️⃣"), ("5️⃣", "6️⃣"), ("7️⃣", "8️⃣"), ("9️⃣", "0️⃣")] {
      #expect(article.nonProse.contains(marked.range(from, to)), "\(marked.text(from, to))")
    }
    #expect(article.wordTexts == ["Voir", "Aussi", "Et"])
  }

  @Test func urlsInFrenchTypographyStopAtTheSpacesAndQuotes() {
    let marked = extractMarkers(
      "Le site «\u{A0}1️⃣https://www.elysee.fr2️⃣\u{A0}» et 3️⃣https://fr.wikipedia.org/wiki/Biélorussie4️⃣\u{202F}! Puis «5️⃣https://x.fr6️⃣».")
    let article = Article.markdown(marked.text)
    for (from, to) in [("1️⃣", "2️⃣"), ("3️⃣", "4️⃣"), ("5️⃣", "6️⃣")] {
      #expect(article.nonProse.contains(marked.range(from, to)), "\(marked.text(from, to))")
    }
    #expect(article.isProse(marked["4️⃣"]..<(marked["4️⃣"] + 3)), "the narrow no-break space before ! is prose, for typography checks")
  }

  @Test func aURLMustStartAWord() {
    let article = Article.markdown("Le champion Matthews et whttp://pas-une-url.")
    #expect(article.nonProse.isEmpty)
  }

  @Test func emailAddressesAreNotProse() {
    let marked = extractMarkers("Contact : 1️⃣prenom.nom+presse@lemonde-groupe.fr2️⃣. Pas une adresse : @AFP ou a@b.")
    let article = Article.markdown(marked.text)
    #expect(article.nonProse == [marked.range("1️⃣", "2️⃣")])
    #expect(article.wordTexts == ["Contact", "Pas", "une", "adresse", "AFP", "ou", "a", "b"])
  }

  @Test func htmlTagsAreNotProseButTheirTextIs() {
    let marked = extractMarkers("Un 1️⃣<strong>2️⃣mot fort3️⃣</strong>4️⃣ et un saut5️⃣<br/>6️⃣ ici ; 2 < 3 reste du texte.")
    let article = Article.markdown(marked.text)
    #expect(article.isNonProse(marked.range("1️⃣", "2️⃣")))
    #expect(article.isProse(marked.range("2️⃣", "3️⃣")))
    #expect(article.isNonProse(marked.range("3️⃣", "4️⃣")))
    #expect(article.isNonProse(marked.range("5️⃣", "6️⃣")))
    #expect(article.tokenTexts.contains("<"), "a lone < followed by a space is text")
  }

  @Test func aBackslashEscapeIsMarkupAndTheMarkItEscapesIsText() {
    let marked = extractMarkers("Le 1️⃣\\2️⃣*vrai* prix et 3️⃣\\4️⃣[Poutine\\]{.person} sans annotation.")
    let article = Article.markdown(marked.text)
    #expect(article.isNonProse(marked.range("1️⃣", "2️⃣")))
    #expect(article.isNonProse(marked.range("3️⃣", "4️⃣")))
    #expect(article.tokenTexts.prefix(3) == ["Le", "*", "vrai"])
    #expect(article.annotations.isEmpty)
    #expect(article.problems.isEmpty)
  }

  @Test func plainTextKeepsMarkdownAsTextButNotURLsOrEmails() {
    let marked = extractMarkers("Voir `code` et [Poutine]{.person} sur 1️⃣https://exemple.fr2️⃣ ou 3️⃣a@exemple.fr4️⃣.")
    let article = Article.plainText(marked.text)
    #expect(article.nonProse == [marked.range("1️⃣", "2️⃣"), marked.range("3️⃣", "4️⃣")])
    #expect(article.annotations.isEmpty)
    #expect(article.problems.isEmpty)
    #expect(article.wordTexts.contains("code"))
    #expect(article.wordTexts.contains("person"))
  }
}
