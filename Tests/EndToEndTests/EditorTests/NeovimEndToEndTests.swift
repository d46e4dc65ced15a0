import Foundation
import JSONRPC
import TestSupport
import Testing

/// Headless Neovim with the real set-up in `editors/neovim` and the built `dateline`: what a Neovim
/// user sees. The Lua side (`editors/neovim/test/e2e.lua`) drives Neovim and writes what it observed
/// as JSON; this side checks it.
@Suite(.serialized) struct NeovimEndToEndTests {
  static let editorFolder = SharedFixtures.project("editors/neovim")
  static let script = SharedFixtures.project("editors/neovim/test/e2e.lua")

  /// The `.news` article: front matter, `# Headline`, `## Sections`, accents, emoji and an unknown
  /// annotation type after multi-byte text on its line.
  static let article = """
    ---
    title: "Municipales : l'écologie en tête à Besançon"
    author: Chloé Dupont
    date: 2024-03-15
    ---

    # À Besançon, les écologistes en tête 🌿

    La maire sortante [Anne Vignot]{.person} arrive en tête du premier tour, dimanche soir.

    ## Une campagne très disputée

    Élue en 2020, l’équipe 🌿 de [Besançon]{.plase} reste confiante.

    ## Le second tour

    Les reports de voix décideront du résultat, selon [Ludovic Fagaut]{.person}.

    """

  /// The article after the script's edits (see e2e.lua), before the annotation is fixed.
  static let edited = """
    ---
    title: "Municipales : l'écologie en tête à Besançon"
    author: Chloé Dupont
    date: 2024-03-15
    ---

    # Résultats \u{1F5F3}\u{FE0F} : À Besançon, les écologistes en tête 🌿 — édition spéciale
    La maire sortante [Anne Vignot]{.person} arrive en tête du premier tour, dimanche soir.

    ## Une campagne très disputée

    Élue en 2020, l’équipe 🌿 de [Besançon]{.plase} reste confiante.

    ## Le second tour, dimanche \u{1F5D3}\u{FE0F} prochain
    Ajouté : « naïve » \u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467} 漢 ligne 😀
    Les reports de voix décideront du résultat, selon [Ludovic Fagaut]{.person}.

    """

  /// The files of one run, in a fresh temporary folder.
  struct Workspace {
    let root: URL
    let project: URL
    let news: URL
    let text: URL
    let loose: URL
    let result: URL
    let home: URL

    init() throws {
      root = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-nvim-\(UUID().uuidString)")
      project = root.appendingPathComponent("project")
      let articles = project.appendingPathComponent("articles")
      let looseFolder = root.appendingPathComponent("loose")
      home = root.appendingPathComponent("home")
      for folder in [articles, looseFolder, home] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      }
      try Data("{}\n".utf8).write(to: project.appendingPathComponent(".dateline.json"))
      news = articles.appendingPathComponent("besancon.news")
      try Data(NeovimEndToEndTests.article.utf8).write(to: news)
      text = articles.appendingPathComponent("ukraine-belarus.txt")
      try FileManager.default.copyItem(at: SharedFixtures.shared("articles/ukraine-belarus.txt"), to: text)
      loose = looseFolder.appendingPathComponent("note.txt")
      try Data("Une note.\n".utf8).write(to: loose)
      result = root.appendingPathComponent("result.json")
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
  }

  /// Runs the script in headless Neovim against `server` and returns what it wrote.
  static func run(
    nvim: URL, server: URL, in workspace: Workspace, waitMilliseconds: Int = 5000, timeout: Duration = .seconds(60)
  ) throws -> (result: JSONValue, outcome: TimedProcess.Outcome) {
    var environment = ProcessInfo.processInfo.environment
    for name in ["NVIM", "NVIM_LISTEN_ADDRESS", "NVIM_LOG_FILE", "VIMINIT", "MYVIMRC"] { environment[name] = nil }
    // Neovim's own files (LSP log, shada, swap) stay in the run's folder.
    for name in ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"] {
      environment[name] = workspace.home.appendingPathComponent(name.lowercased()).path
    }
    environment["DATELINE_E2E_SERVER"] = server.path
    environment["DATELINE_E2E_NEWS"] = workspace.news.path
    environment["DATELINE_E2E_TEXT"] = workspace.text.path
    environment["DATELINE_E2E_LOOSE"] = workspace.loose.path
    environment["DATELINE_E2E_RESULT"] = workspace.result.path
    environment["DATELINE_E2E_WAIT_MS"] = String(waitMilliseconds)
    environment["DATELINE_E2E_RTP"] = editorFolder.path
    environment["DATELINE_E2E_SCRIPT"] = script.path
    let outcome = try TimedProcess.run(
      nvim,
      arguments: [
        "--headless", "--clean",
        "--cmd", "lua vim.opt.runtimepath:prepend(os.getenv('DATELINE_E2E_RTP'))",
        "--cmd", "set noswapfile",
        "-c", "lua dofile(os.getenv('DATELINE_E2E_SCRIPT'))",
      ],
      environment: environment, currentDirectory: workspace.root, timeout: timeout)
    guard let data = FileManager.default.contents(atPath: workspace.result.path) else {
      let log = lspLog(in: workspace)
      throw NeovimRunFailed(
        description: """
          nvim wrote no result (\(outcome.timedOut ? "killed after \(timeout)" : "exit status \(outcome.status)"), \
          \(outcome.duration)).
          stderr: \(outcome.stderr.suffix(2000))
          LSP log: \(log.suffix(2000))
          """)
    }
    return (try JSONDecoder().decode(JSONValue.self, from: data), outcome)
  }

  static func lspLog(in workspace: Workspace) -> String {
    let candidates = ["xdg_state_home/nvim/lsp.log", "xdg_cache_home/nvim/lsp.log"]
    return candidates.compactMap { try? String(contentsOf: workspace.home.appendingPathComponent($0), encoding: .utf8) }
      .joined(separator: "\n")
  }

  struct NeovimRunFailed: Error, CustomStringConvertible {
    let description: String
  }

  @Test(EditorAvailability.neovim.enabled) func aNeovimSessionWithTheRealServer() throws {
    let nvim = try EditorAvailability.neovim.require()
    let workspace = try Workspace()
    defer { workspace.remove() }
    let (result, outcome) = try Self.run(nvim: nvim, server: try BuiltProducts.dateline(), in: workspace)
    let context = Comment(
      rawValue: "nvim \(result["nvim_version"]?.stringValue ?? "?"), \(outcome.duration); stderr: \(outcome.stderr.suffix(1000))")
    #expect(!outcome.timedOut, context)
    #expect(result["error"] == nil, "the script failed: \(result["error"]?.stringValue ?? "")\nLSP log: \(Self.lspLog(in: workspace).suffix(3000))")
    #expect(result["notifications"]?.arrayValue == [], "Neovim showed messages: \(result["notifications"] ?? .null)")

    // Set-up: filetypes, highlighting, root folders, one client for both files.
    let news = try #require(result["news"])
    let text = try #require(result["text"])
    #expect(news["filetype"] == "news")
    #expect(news["syntax"] == "news")
    #expect(news["headline_syntax"]?.arrayValue?.contains("markdownH1") == true, "\(news["headline_syntax"] ?? .null)")
    #expect(news["attributes_syntax"]?.arrayValue?.contains("newsAnnotationAttributes") == true)
    #expect(text["filetype"] == "text")
    let projectPath = workspace.project.resolvingSymlinksInPath().path
    #expect(result["roots"]?["news"]?.stringValue.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } == projectPath)
    #expect(news["root_dir"]?.stringValue.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } == projectPath)
    if !Self.hasRootMarkerAbove(workspace.root) {
      let looseFolder = workspace.loose.deletingLastPathComponent().resolvingSymlinksInPath().path
      #expect(result["roots"]?["loose"]?.stringValue.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } == looseFolder)
    }
    #expect(news["client_id"] != nil && news["client_id"] == text["client_id"], "one client per root folder")
    #expect(result["client_count"] == 1)

    // Capabilities, and the position encoding both sides use.
    let capabilities = try #require(result["capabilities"])
    #expect(capabilities["documentSymbolProvider"] == true)
    #expect(capabilities["foldingRangeProvider"] == true)
    #expect(capabilities["textDocumentSync"]?["change"] == 2)
    #expect(capabilities["textDocumentSync"]?["openClose"] == true)
    #expect(capabilities["positionEncoding"] != nil && capabilities["positionEncoding"] == result["offset_encoding"])

    // The bad annotation: one error where it is, in Neovim's byte columns.
    let annotationDiagnostics = (news["diagnostics"]?.arrayValue ?? []).filter {
      $0["code"]?.stringValue?.hasPrefix("annotation") == true
    }
    #expect(annotationDiagnostics.count == 1, "\(news["diagnostics"] ?? .null)")
    if let diagnostic = annotationDiagnostics.first {
      let lines = Self.article.split(separator: "\n", omittingEmptySubsequences: false)
      let row = try #require(lines.firstIndex { $0.contains("{.plase}") })
      let line = String(lines[row])
      let annotation = "[Besançon]{.plase}"
      let byteColumn = try #require(line.utf8.firstRange(of: Array(annotation.utf8))).lowerBound
      let column = line.utf8.distance(from: line.utf8.startIndex, to: byteColumn)
      #expect(diagnostic["lnum"]?.intValue == row)
      #expect(diagnostic["col"]?.intValue == column, "byte column of \(annotation) in \(line)")
      #expect(diagnostic["end_lnum"]?.intValue == row)
      #expect(diagnostic["end_col"]?.intValue == column + annotation.utf8.count)
      #expect(diagnostic["severity"] == 1, "vim.diagnostic.severity.ERROR")
      #expect(diagnostic["source"] == "dateline")
      #expect(diagnostic["code"] == "annotation-type")
      #expect(diagnostic["message"]?.stringValue?.contains(".plase") == true)
      #expect(diagnostic["message"]?.stringValue?.contains(".place") == true, "suggests the fix")
    }

    // The outline of the .news article: headline with its two sections, selection on the titles.
    let newsSymbols = try #require(news["outline"]?["symbols"]?.arrayValue, "\(news["outline"] ?? .null)")
    #expect(newsSymbols.map { $0["name"] } == ["À Besançon, les écologistes en tête 🌿"])
    let headline = try #require(newsSymbols.first)
    #expect(headline["children"]?.arrayValue?.map { $0["name"] } == ["Une campagne très disputée", "Le second tour"])
    #expect(headline["children"]?.arrayValue?.allSatisfy { $0["children"]?.arrayValue?.isEmpty ?? true } == true)
    // LSP columns in the negotiated encoding (UTF-16 on Neovim 0.7, which offers no other).
    let encoding = result["offset_encoding"]?.stringValue ?? "utf-16"
    func units(_ text: String) -> Int {
      switch encoding {
      case "utf-8": text.utf8.count
      case "utf-32": text.unicodeScalars.count
      default: text.utf16.count
      }
    }
    #expect(headline["selectionRange"] == Self.range(line: 6, from: 2, to: 2 + units("À Besançon, les écologistes en tête 🌿")))
    #expect(
      headline["children"]?.arrayValue?.map { $0["selectionRange"] ?? .null }
        == [
          Self.range(line: 10, from: 3, to: 3 + units("Une campagne très disputée")),
          Self.range(line: 14, from: 3, to: 3 + units("Le second tour")),
        ])
    // What `vim.lsp.buf.document_symbol()` lists: 1-based lines, byte columns.
    #expect(
      news["outline"]?["items"]?.arrayValue?.map { "\($0["lnum"]?.intValue ?? 0):\($0["col"]?.intValue ?? 0)" }
        == ["7:3", "11:4", "15:4"])

    // The .txt article: the kicker ("France") is no node; headline and two sections.
    let textSymbols = try #require(text["outline"]?["symbols"]?.arrayValue, "\(text["outline"] ?? .null)")
    #expect(textSymbols.map { $0["name"] } == ["Guerre d'Ukraine : la Russie continue de vasculariser la Biélorussie"])
    #expect(
      textSymbols.first?["children"]?.arrayValue?.map { $0["name"] }
        == ["Pour une intégration obligatoire", "Hostilité de la population biélorusse"])
    #expect(textSymbols.first?["detail"]?.stringValue?.hasPrefix("France") == true, "the kicker shows in the detail")
    #expect(text["outline"]?["items"]?.arrayValue?.map { $0["lnum"] } == [4, 10, 20])

    // Folding (manual folds from the server's ranges): front matter and the two sections.
    #expect(news["fold_count"] == 3)
    let levels = news["fold_levels"]?.arrayValue?.compactMap(\.intValue) ?? []
    let expectedLevels = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 1]
    #expect(levels == expectedLevels, "fold level of each line")
    // Neovim 0.11+ only: `folding = true` folds with vim.lsp.foldexpr().
    if let lspLevels = news["lsp_fold_levels"]?.arrayValue {
      #expect(news["foldexpr"]?.stringValue?.contains("vim.lsp.foldexpr()") == true)
      #expect(lspLevels.compactMap(\.intValue) == expectedLevels, "fold levels with vim.lsp.foldexpr()")
    }

    // Edits made in Neovim reach the server intact.
    let edited = try #require(result["edited"])
    #expect(edited["error"] == nil || edited["error"] == .null)
    #expect(edited["buffer"]?.stringValue == Self.edited, "Neovim's buffer after the edits")
    #expect(edited["server"]?.stringValue == Self.edited, "the server's copy after the edits")
    #expect(edited["equal"] == true)
    #expect(edited["server_version"] != nil && edited["server_version"] == edited["buffer_version"])
    #expect(edited["server_line_count"]?.intValue == Self.edited.split(separator: "\n", omittingEmptySubsequences: false).count)
    #expect((result["edits"]?.arrayValue?.count ?? 0) == 5)

    // Fixing the annotation clears its diagnostic.
    #expect(result["fixed_annotation"] == true)
    let remaining = (news["diagnostics_after_fix"]?.arrayValue ?? []).filter {
      $0["code"]?.stringValue?.hasPrefix("annotation") == true
    }
    #expect(remaining == [], "diagnostics after the fix")
    #expect(result["after_fix"]?["server"]?.stringValue == Self.edited.replacingOccurrences(of: ".plase", with: ".place"))
    #expect(result["after_fix"]?["equal"] == true)

    // Stopping the client shuts the server down cleanly.
    #expect(result["exits"]?.arrayValue?.map { "\($0["code"] ?? .null)/\($0["signal"] ?? .null)" } == ["0/0"])
  }

  /// The harness can fail: with a server that never answers, the script reports that no client
  /// attached and writes no outline.
  @Test(EditorAvailability.neovim.enabled) func aSilentServerIsReported() throws {
    let nvim = try EditorAvailability.neovim.require()
    let workspace = try Workspace()
    defer { workspace.remove() }
    let silent = workspace.root.appendingPathComponent("silent-server")
    try Data("#!/bin/sh\nexec cat >/dev/null\n".utf8).write(to: silent)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: silent.path)
    let (result, outcome) = try Self.run(nvim: nvim, server: silent, in: workspace, waitMilliseconds: 500)
    #expect(!outcome.timedOut)
    #expect(result["error"]?.stringValue?.contains("no dateline client attached") == true, "\(result["error"] ?? .null)")
    #expect(result["news"]?["outline"] == nil)
  }

  static func range(line: Int, from start: Int, to end: Int) -> JSONValue {
    [
      "start": ["line": .integer(line), "character": .integer(start)],
      "end": ["line": .integer(line), "character": .integer(end)],
    ]
  }

  /// Whether a folder above `folder` holds `.git` or `.dateline.json` (then a file without markers of
  /// its own gets that folder as root).
  static func hasRootMarkerAbove(_ folder: URL) -> Bool {
    var directory = folder.resolvingSymlinksInPath()
    while directory.path != "/" {
      directory.deleteLastPathComponent()
      for marker in [".git", ".dateline.json"]
      where FileManager.default.fileExists(atPath: directory.appendingPathComponent(marker).path) {
        return true
      }
    }
    return false
  }
}
