import JSONRPC
import LanguageServerProtocol
import NewsAnalysis

/// The commands the server runs for its code actions.
enum DatelineCommandName {
  static let addToDictionary = "dateline.addToDictionary"
  static let ignoreInDocument = "dateline.ignoreInDocument"
  static let all = [addToDictionary, ignoreInDocument]
}

extension LanguageServer {
  /// `textDocument/codeAction`: the fixes for the findings at the range, computed from the current
  /// text (clients do not all send back the diagnostics' data).
  func codeActions(_ request: CodeActionRequest) throws(ResponseError) -> [CodeActionOrCommand]? {
    let uri = request.textDocument.uri
    guard let document = documents[uri], let analysis = analysis(of: uri) else { throw notOpen(uri) }
    if let only = request.context.only, !only.contains(where: { CodeActionKind.quickFix.isWithin($0) }) { return [] }
    let start = document.offset(of: request.range.start, unit: client.unit)
    let end = document.offset(of: request.range.end, unit: client.unit)
    let findings = analysis.findings.filter { finding in
      finding.range.lowerBound <= max(start, end) && min(start, end) <= finding.range.upperBound
    }
    var actions: [CodeActionOrCommand] = []
    for finding in findings {
      let diagnostic = diagnostic(for: finding, in: document)
      let word = analysis.article.text(of: finding.range)
      if client.capabilities.supportsCodeActionLiterals {
        for (index, replacement) in finding.replacements.enumerated() {
          actions.append(.action(CodeAction(
            title: title(for: finding, replacement: replacement, original: word), kind: .quickFix, diagnostics: [diagnostic],
            isPreferred: index == 0 ? true : nil,
            edit: edit(document, TextEdit(range: diagnostic.range, newText: replacement)))))
        }
      }
      if finding.rule == Rule.spelling.rawValue || finding.rule == Rule.gluedWords.rawValue {
        for command in wordCommands(word: word, uri: uri) {
          actions.append(
            client.capabilities.supportsCodeActionLiterals
              ? .action(CodeAction(title: command.title, kind: .quickFix, diagnostics: [diagnostic], command: command))
              : .command(command))
        }
      }
    }
    return actions
  }

  private func title(for finding: Finding, replacement: String, original: String) -> String {
    if let fixTitle = finding.fixTitle, replacement == finding.replacements.first { return fixTitle }
    switch Rule(rawValue: finding.rule) {
    case .gluedWords where replacement.contains(" "): return "Split into '\(replacement)'"
    case .splitWord: return "Join into '\(replacement)'"
    case .repeatedWord: return "Delete the repeated '\(replacement)'"
    default: return "Replace with '\(replacement)'"
    }
  }

  private func wordCommands(word: String, uri: DocumentURI) -> [Command] {
    var commands: [Command] = []
    if FileURI.path(of: uri) != nil {
      commands.append(Command(
        title: "Add '\(word)' to the workspace dictionary", command: DatelineCommandName.addToDictionary,
        arguments: [.string(word), .string(uri)]))
    }
    commands.append(Command(
      title: "Ignore '\(word)' in this document", command: DatelineCommandName.ignoreInDocument,
      arguments: [.string(uri), .string(word)]))
    return commands
  }

  /// One edit to a document, as the client prefers: versioned `documentChanges`, or `changes`.
  private func edit(_ document: Document, _ edit: TextEdit) -> WorkspaceEdit {
    if client.capabilities.supportsDocumentChanges {
      return WorkspaceEdit(documentChanges: [
        TextDocumentEdit(
          textDocument: OptionalVersionedTextDocumentIdentifier(uri: document.uri, version: document.version), edits: [edit])
      ])
    }
    return WorkspaceEdit(changes: [document.uri: [edit]])
  }

  /// `workspace/executeCommand`: adds a word to the workspace dictionary, or ignores it in a document.
  func executeCommand(_ request: ExecuteCommandRequest) throws(ResponseError) -> JSONValue? {
    let arguments = request.arguments ?? []
    switch request.command {
    case DatelineCommandName.addToDictionary:
      guard arguments.count == 2, let word = arguments[0].stringValue, let uri = arguments[1].stringValue,
        !word.isEmpty, !word.contains(where: \.isNewline)
      else { throw ResponseError.invalidParams("\(request.command) takes a word and a document URI") }
      guard let path = FileURI.path(of: uri) else {
        throw ResponseError(code: .requestFailed, message: "\(uri) is not a file: there is no workspace to add '\(word)' to")
      }
      let root = workspaceConfiguration(for: uri)?.root ?? WorkspaceConfiguration.root(forFile: path)
      do {
        try WorkspaceConfiguration.addWord(word, root: root)
      } catch {
        throw ResponseError(code: .requestFailed, message: "Could not add '\(word)' to \(root)/\(WorkspaceConfiguration.dictionaryPath): \(error)")
      }
      checkState.workspaces[root] = nil
      logger.info("added '\(word)' to \(root)/\(WorkspaceConfiguration.dictionaryPath)")
      recheckAllDocuments()
      return nil
    case DatelineCommandName.ignoreInDocument:
      guard arguments.count == 2, let uri = arguments[0].stringValue, let word = arguments[1].stringValue, !word.isEmpty
      else { throw ResponseError.invalidParams("\(request.command) takes a document URI and a word") }
      checkState.ignoredWords[uri, default: []].insert(word)
      recheckAllDocuments()
      return nil
    default:
      throw ResponseError.invalidParams("unknown command '\(request.command)' (known: \(DatelineCommandName.all.joined(separator: ", ")))")
    }
  }
}
