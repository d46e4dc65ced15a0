import Foundation
import LanguageServerProtocol

/// A live-blog article and a series of incremental `didChange` messages of about 1 KB each, with the
/// text a server must hold after applying them, so a benchmark can check the work was done.
///
/// Each change rewrites the article's live paragraph (a line in the middle): it replaces the text
/// before the paragraph's fixed credit (" — AFP") with the next update, ~700 characters of French,
/// German, Portuguese and Spanish news prose with accents. Updates all differ in length, so a change
/// lost or applied at the wrong place leaves a wrong text (or eats the credit) and the check fails.
struct EditSeries {
  static let uri = "file:///bench/live-blog.md"
  /// The zero-based line rewritten by every change.
  static let liveLine = 9
  /// Ends the live paragraph and is never touched by a change.
  static let credit = " — AFP"

  /// The article sent with `didOpen` (version 1).
  let initialText: String
  /// Framed `didChange` notifications, versions 2, 3, …
  let messages: [[UInt8]]
  /// The text after every change.
  let finalText: String
  /// The document version after every change.
  let finalVersion: Int
  /// The bytes of all messages, headers included.
  var byteCount: Int { messages.reduce(0) { $0 + $1.count } }

  init(changes count: Int) {
    let updates = Self.updates()
    var lines = Self.article
    lines[Self.liveLine] = Self.firstUpdate + Self.credit
    initialText = lines.joined(separator: "\n")
    var current = Self.firstUpdate
    var messages: [[UInt8]] = []
    messages.reserveCapacity(count)
    for index in 0..<count {
      let next = "[\(index + 1)] " + updates[index % updates.count]
      let change = TextDocumentContentChangeEvent(
        range: LSPRange(
          start: Position(line: Self.liveLine, character: 0),
          end: Position(line: Self.liveLine, character: current.utf16.count)),
        text: next)
      let params = DidChangeTextDocumentNotification(
        textDocument: VersionedTextDocumentIdentifier(uri: Self.uri, version: index + 2), contentChanges: [change])
      messages.append(BenchMessages.notification(method: DidChangeTextDocumentNotification.method, params: params))
      current = next
    }
    self.messages = messages
    lines[Self.liveLine] = current + Self.credit
    finalText = lines.joined(separator: "\n")
    finalVersion = count + 1
  }

  /// All messages in one buffer, as a client would stream them.
  func concatenated() -> [UInt8] {
    var buffer: [UInt8] = []
    buffer.reserveCapacity(byteCount)
    for message in messages { buffer.append(contentsOf: message) }
    return buffer
  }

  // MARK: Text

  static let firstUpdate = "Suivez notre direct : les dernières informations arrivent."

  /// The article around the live paragraph (line `liveLine` is replaced).
  static let article = [
    "# Sommet de Genève : les négociations reprennent à l’aube",
    "",
    "*Par notre envoyée spéciale à Genève, avec l’AFP et Reuters*",
    "",
    "Les délégations se sont retrouvées jeudi au Palais des Nations après une nuit blanche.",
    "Le ministre des Affaires étrangères a qualifié l’accord de « fragile mais réel ».",
    "",
    "## En direct",
    "",
    "(live paragraph)",
    "",
    "## Contexte",
    "",
    "Depuis l’échec de la conférence de São Paulo, les pourparlers piétinaient.",
    "À Zürich comme à Kraków, les marchés ont salué l’annonce ; l’euro a gagné 0,4 %.",
    "Les ONG, elles, dénoncent un texte « creux » et réclament un mécanisme de contrôle indépendant.",
    "",
  ]

  /// Sentences of news prose, cut into updates of distinct lengths.
  static let sentences = [
    "Le président du Conseil européen a déclaré à la presse que « la journée sera décisive ».",
    "Die Bundesaußenministerin äußerte sich zurückhaltend: Man müsse „die Ergebnisse abwarten“.",
    "Em São Paulo, o governo brasileiro saudou a retomada das negociações e prometeu cooperação.",
    "El portavoz de la delegación española subrayó que «nadie quiere un acuerdo a cualquier precio».",
    "À la mi-journée, une délégation nordique — Ålesund, Tromsø, Göteborg — a rejoint la table.",
    "Les manifestants réunis place des Nations scandaient des slogans en français et en anglais.",
    "Selon un diplomate européen, le texte prévoit « un calendrier précis et des sanctions graduées ».",
    "Les négociateurs espèrent conclure avant vendredi soir, heure de Genève ; rien n’est acquis.",
    "Le Haut-Commissaire s’est dit « prudemment optimiste » après un entretien d’une heure.",
    "Der Schweizer Bundesrat bestätigte, dass die Gespräche „in konstruktiver Atmosphäre“ verliefen.",
  ]

  /// Seven updates of 680, 689, … 734 characters (all BMP, so as many UTF-16 units), no line break.
  static func updates() -> [String] {
    let prose = sentences.joined(separator: " ")
    var updates: [String] = []
    for index in 0..<7 {
      let length = 680 + 9 * index
      let start = prose.index(prose.startIndex, offsetBy: index * 37)
      var text = String((prose[start...] + " " + prose).prefix(length))
      if text.hasSuffix(" ") { text = String(text.dropLast()) + "." }
      updates.append(text)
    }
    precondition(Set(updates.map(\.utf16.count)).count == updates.count, "updates must differ in length")
    return updates
  }
}
