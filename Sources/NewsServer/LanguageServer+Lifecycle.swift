import Dispatch
import JSONRPC
import LanguageServerProtocol
import NewsAnalysis

extension LanguageServer {
  func initialize(_ request: InitializeRequest) throws(ResponseError) -> InitializeResult {
    client.capabilities = request.capabilities
    client.name = request.clientInfo?.name
    client.positionEncoding = ClientState.negotiateEncoding(offered: request.capabilities.positionEncodings)
    client.workspaceFolders = request.workspaceFolders ?? request.rootUri.map {
      [WorkspaceFolder(uri: $0, name: $0.split(separator: "/").last.map(String.init) ?? $0)]
    } ?? []
    settings.initializationOptions = request.initializationOptions
    setTrace(request.trace ?? .off)
    lifecycle = .running
    logger.info(
      "initialized for \(request.clientInfo?.name ?? "an unnamed client"), positions in \(client.positionEncoding.rawValue)")
    return InitializeResult(
      capabilities: capabilities(),
      serverInfo: InitializeResult.ServerInfo(name: "dateline", version: DatelineVersion.current))
  }

  /// What this server implements, and nothing more.
  private func capabilities() -> ServerCapabilities {
    ServerCapabilities(
      positionEncoding: client.positionEncoding,
      textDocumentSync: TextDocumentSyncOptions(
        openClose: true, change: .incremental, save: TextDocumentSyncOptions.SaveOptions(includeText: false)),
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      codeActionProvider: CodeActionOptions(codeActionKinds: [.quickFix]),
      executeCommandProvider: ExecuteCommandOptions(commands: DatelineCommandName.all),
      diagnosticProvider: client.supportsPullDiagnostics
        ? DiagnosticOptions(identifier: "dateline", interFileDependencies: false, workspaceDiagnostics: false) : nil,
      workspace: WorkspaceOptions(
        workspaceFolders: WorkspaceOptions.WorkspaceFoldersOptions(supported: true, changeNotifications: false)))
  }

  func initialized() {
    registerForConfigurationChanges()
    registerForWorkspaceFileChanges()
    preloadDictionaries()
    requestConfiguration()
  }

  /// Loads the default dictionaries in the background, side by side, so the first document is
  /// checked without waiting for them (a document that comes first waits for the load already
  /// under way); then readies their suggestion indexes, which only misspellings need.
  private func preloadDictionaries() {
    let store = dictionaryStore
    let languages = editorSettings().languages ?? ["fr", "en"]
    for language in languages {
      DispatchQueue.global(qos: .userInitiated).async {
        guard case .success(let dictionary) = store.dictionary(for: language) else { return }
        dictionary.hunspell.prepareSuggestions()
      }
    }
  }

  func shutdown() throws(ResponseError) -> NoParams? {
    lifecycle = .shutDown
    documents = [:]
    analyses = [:]
    return nil
  }

  /// The `exit` notification: ends the process, with 0 only if `shutdown` came first.
  func exit() {
    let code: Int32 = lifecycle == .shutDown ? 0 : 1
    if code != 0 { logger.warning("exit without a shutdown request") }
    exitProcess(code)
  }

  /// Follows the client's trace level: `messages` forwards info lines as `$/logTrace`, `verbose`
  /// debug lines too. Errors and warnings always reach the client's log as `window/logMessage`.
  func setTrace(_ value: TraceValue) {
    let level: LogLevel
    switch value {
    case .off: level = .warning
    case .messages: level = .info
    case .verbose: level = .debug
    }
    let connection = self.connection
    logger.forward(upTo: level) { lineLevel, text in
      if lineLevel <= .warning {
        let type: MessageType = lineLevel == .error ? .error : .warning
        connection.send(
          notification: LogMessageNotification.method, params: LogMessageNotification(type: type, message: text))
      } else {
        connection.send(notification: LogTraceNotification.method, params: LogTraceNotification(message: text))
      }
    }
  }
}
