import Foundation
import JSONRPC
import TestSupport
import Testing

/// The property the text-synchronisation issue asks for: thousands of random incremental edits (with
/// accents, surrogate pairs and CRLF) sent to the spawned server, and after each batch the server's
/// text equals the client's. Run once per position encoding; `DATELINE_SEED` replays a failure.
@Suite struct DocumentSyncPropertyEndToEndTests {
  static let alphabet = [
    "\r", "\n", "\r\n", "a", "word ", "é", "e\u{0301}", "\u{0301}", "🔵", "🌍", "中文", "«\u{202F}", "\u{00A0}»", "\"", "\\",
  ]

  /// What the client holds: the document as scalars, and LSP positions on it computed independently
  /// of the server's code, with the specification's clamping.
  struct ClientModel {
    var scalars: [Unicode.Scalar]
    let encoding: String

    /// Each line's first scalar and the end of its content (before its break).
    var lines: [(start: Int, contentEnd: Int)] {
      var result: [(start: Int, contentEnd: Int)] = []
      var start = 0
      var index = 0
      while index < scalars.count {
        let scalar = scalars[index]
        if scalar == "\r" || scalar == "\n" {
          let breakLength = scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" ? 2 : 1
          result.append((start, index))
          index += breakLength
          start = index
        } else {
          index += 1
        }
      }
      result.append((start, scalars.count))
      return result
    }

    func width(_ scalar: Unicode.Scalar) -> Int {
      switch encoding {
      case "utf-8": return String(scalar).utf8.count
      case "utf-32": return 1
      default: return scalar.value > 0xFFFF ? 2 : 1
      }
    }

    /// The scalar index a position designates: a line past the end is the end of the text, a column
    /// past the end of its line is the end of that line.
    func index(of line: Int, _ column: Int) -> Int {
      let lines = self.lines
      guard line < lines.count else { return scalars.count }
      var index = lines[line].start
      var remaining = column
      while index < lines[line].contentEnd && width(scalars[index]) <= remaining {
        remaining -= width(scalars[index])
        index += 1
      }
      return index
    }

    /// The column of the scalar `index` on `line`.
    func column(of index: Int, onLine line: Int) -> Int {
      scalars[lines[line].start..<index].reduce(0) { $0 + width($1) }
    }

    /// A random position on the text, on a scalar boundary (clients never split a character):
    /// sometimes past the end of its line or past the last line. With `start`, a position after it,
    /// mostly a few characters further on the same line.
    func randomPosition(_ random: inout SplitMix64, after start: (line: Int, column: Int)? = nil) -> (
      line: Int, column: Int
    ) {
      let lines = self.lines
      if let start, start.line >= lines.count { return (start.line + random.below(2), random.below(5)) }
      if random.chance(start == nil ? 3 : 1) { return (lines.count + random.below(3), random.below(5)) }
      var line = random.below(lines.count)
      var index = lines[line].start + random.below(lines[line].contentEnd - lines[line].start + 1)
      if let start {
        line = start.line
        index = min(lines[line].contentEnd, self.index(of: start.line, start.column) + random.below(8))
        if random.chance(25) && start.line + 1 < lines.count {
          line = start.line + 1 + random.below(min(2, lines.count - start.line - 1))
          index = lines[line].start + random.below(lines[line].contentEnd - lines[line].start + 1)
        }
      }
      var character = column(of: index, onLine: line)
      if index == lines[line].contentEnd && random.chance(20) { character += 1 + random.below(6) }  // past the line's end
      return (line, character)
    }

    mutating func replace(from start: (line: Int, column: Int), to end: (line: Int, column: Int), with text: String) {
      let lower = index(of: start.line, start.column)
      let upper = max(lower, index(of: end.line, end.column))
      scalars.replaceSubrange(lower..<upper, with: Array(text.unicodeScalars))
    }
  }

  static func randomText(_ random: inout SplitMix64, maxPieces: Int) -> String {
    (0..<random.below(maxPieces + 1)).map { _ in random.pick(alphabet) }.joined()
  }

  static func describe(_ change: JSONValue) -> String {
    let text = visible(change["text"]?.stringValue ?? "")
    guard let range = change["range"] else { return "whole text \"\(text)\"" }
    func position(_ p: JSONValue?) -> String { "\(p?["line"]?.intValue ?? -1):\(p?["character"]?.intValue ?? -1)" }
    return "\(position(range["start"]))-\(position(range["end"]))  \"\(text)\""
  }

  @Test(arguments: ["utf-16", "utf-8", "utf-32"])
  func randomIncrementalEditsKeepTheServersTextEqualToTheClients(encoding: String) throws {
    let base = SplitMix64.seed(fromEnvironment: "DATELINE_SEED", default: 20_261_129)
    let seed = base &+ UInt64(["utf-16", "utf-8", "utf-32"].firstIndex(of: encoding) ?? 0)
    var random = SplitMix64(seed: seed)
    let client = try TestClient.spawn()
    let result = try client.initialize(capabilities: ["general": ["positionEncodings": [.string(encoding), "utf-16"]]])
    try #require(result["capabilities"]?["positionEncoding"] == .string(encoding))

    let uri = "file:///sync-\(encoding).md"
    var model = ClientModel(scalars: Array("Titre « Été »\r\nLe 🔵 e\u{0301}crit 中文.\n\rfin".unicodeScalars), encoding: encoding)
    var version = 1
    client.openDocument(uri: uri, text: String(String.UnicodeScalarView(model.scalars)), version: version)

    let totalEdits = 3000
    var edits = 0
    var batch = 0
    while edits < totalEdits {
      batch += 1
      var sent: [String] = []
      for _ in 0..<(1 + random.below(3)) {
        var changes: [JSONValue] = []
        for _ in 0..<(random.chance(30) ? 2 + random.below(3) : 1) {
          edits += 1
          if random.chance(1) {
            let text = Self.randomText(&random, maxPieces: 30)
            model.scalars = Array(text.unicodeScalars)
            changes.append(["text": .string(text)])
            continue
          }
          let long = model.scalars.count > 600
          let start = model.randomPosition(&random)
          let end = random.chance(long ? 10 : 40) ? start : model.randomPosition(&random, after: start)
          let text = Self.randomText(&random, maxPieces: long ? 1 : 4)
          model.replace(from: start, to: end, with: text)
          changes.append([
            "range": [
              "start": ["line": .integer(start.line), "character": .integer(start.column)],
              "end": ["line": .integer(end.line), "character": .integer(end.column)],
            ],
            "text": .string(text),
          ])
        }
        version += 1
        client.changeDocument(uri: uri, version: version, changes: changes)
        sent.append("version \(version): " + changes.map(Self.describe).joined(separator: "; "))
      }
      let server = try client.documentText(uri: uri)
      let expected = String(String.UnicodeScalarView(model.scalars))
      let serverScalars = Array(server.text.unicodeScalars)
      if serverScalars != model.scalars || server.version != version || server.lineCount != model.lines.count {
        let what = [
          serverScalars != model.scalars ? "text" : nil, server.version != version ? "version" : nil,
          server.lineCount != model.lines.count ? "line count" : nil,
        ].compactMap { $0 }.joined(separator: ", ")
        let firstDifference = zip(serverScalars, model.scalars).enumerated().first { $1.0 != $1.1 }?.offset ?? min(serverScalars.count, model.scalars.count)
        Issue.record(
          """
          \(encoding), seed \(seed) (replay with DATELINE_SEED=\(base)), \
          batch \(batch), after \(edits) edits: the server's \(what) differs (text from scalar \(firstDifference))
          last batch sent:
            \(sent.joined(separator: "\n  "))
          client (\(model.lines.count) lines, version \(version)): "\(visible(expected))"
          server (\(server.lineCount) lines, version \(server.version)): "\(visible(server.text))"
          """)
        return
      }
    }
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.framingErrors.isEmpty)
    #expect(client.schemaViolations == [])
  }
}
