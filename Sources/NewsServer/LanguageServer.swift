import Dispatch
import JSONRPC
import LanguageServerProtocol
import NewsAnalysis

/// The Dateline language server: reads LSP messages from a connection, keeps open documents in step
/// with the client, and answers from the analysis core.
///
/// Threading: the connection's reading thread calls `receive(_:)`, which records requests and
/// cancellations at once and queues everything else, in order, on `queue`. All mutable state below is
/// touched only on `queue`.
public final class LanguageServer: @unchecked Sendable {
  /// Where the server is in the LSP lifecycle.
  enum Lifecycle {
    case uninitialized
    case running
    case shutDown
  }

  let connection: JSONRPCConnection
  var logger: Logger { connection.logger }
  let queue = DispatchQueue(label: "dateline.server")
  let cancellation = CancellationRegistry()
  /// Ends the process; replaced in tests that run the server in-process.
  let exitProcess: @Sendable (Int32) -> Void
  /// The dictionaries, loaded on first use and shared by every document.
  let dictionaryStore: DictionaryStore

  // State, on `queue` only.
  var lifecycle = Lifecycle.uninitialized
  var client = ClientState()
  var documents: [DocumentURI: Document] = [:]
  /// The latest analysis of each open document (possibly of an older version).
  var analyses: [DocumentURI: DocumentAnalysis] = [:]
  /// What each open document keeps between versions to analyse edits quickly.
  var documentCaches: [DocumentURI: DocumentCaches] = [:]
  /// Documents whose diagnostics must be pushed again.
  var pendingDiagnostics: Set<DocumentURI> = []
  var settings = SettingsStore()
  var checkState = CheckState()

  public init(
    connection: JSONRPCConnection, dictionaryStore: DictionaryStore, exitProcess: @escaping @Sendable (Int32) -> Void
  ) {
    self.connection = connection
    self.dictionaryStore = dictionaryStore
    self.exitProcess = exitProcess
  }

  /// Serves until the client sends `exit` or closes the input. Returns the process exit code: 0 when
  /// `shutdown` came first, 1 otherwise.
  public func run() -> Int32 {
    connection.run { batch in receive(batch) }
    return queue.sync {
      if lifecycle == .shutDown { return 0 }
      logger.warning("input closed without a shutdown request")
      return 1
    }
  }

  /// Takes the messages of one read: requests are registered and cancellations applied first, so a
  /// `$/cancelRequest` overtakes the request it names even when both arrived together.
  func receive(_ batch: [IncomingMessage]) {
    for case .request(let id, _, _) in batch { cancellation.begin(id) }
    for case .notification(CancelRequestNotification.method, let params) in batch {
      if let cancel = try? params.decode(CancelRequestNotification.self) { cancellation.cancel(cancel.id) }
    }
    for message in batch {
      queue.async { self.handle(message) }
    }
  }

  private func handle(_ message: IncomingMessage) {
    switch message {
    case .request(let id, let method, let params):
      handleRequest(id: id, method: method, params: params)
    case .notification(let method, let params):
      handleNotification(method: method, params: params)
    case .response:
      break  // routed to its callback by the connection
    }
  }

  // MARK: Requests

  private func handleRequest(id: RequestID, method: String, params: RawParams) {
    logger.info("request \(method) (id \(id))")
    switch lifecycle {
    case .uninitialized where method != InitializeRequest.method:
      return fail(id, .serverNotInitialized)
    case .running where method == InitializeRequest.method:
      return fail(id, .invalidRequest("the server is already initialized"))
    case .shutDown:
      return fail(id, .invalidRequest("the server is shutting down; only 'exit' is accepted"))
    default:
      break
    }
    switch method {
    case InitializeRequest.method: respond(id, params, initialize)
    case ShutdownRequest.method: respond(id, shutdown)
    case DocumentTextRequest.method: respond(id, params, documentText)
    case DocumentSymbolRequest.method: respond(id, params, documentSymbols)
    case FoldingRangeRequest.method: respond(id, params, foldingRanges)
    case DocumentDiagnosticRequest.method: respondWritable(id, params, pullDiagnostics)
    case CodeActionRequest.method: respond(id, params, codeActions)
    case ExecuteCommandRequest.method: respond(id, params, executeCommand)
    default: fail(id, .methodNotFound(method))
    }
  }

  /// Decodes a request's params, runs `body` and sends its result, unless the request was cancelled.
  func respond<Request: RequestType>(
    _ id: RequestID, _ params: RawParams, _ body: (Request) throws(ResponseError) -> Request.Response
  ) {
    guard !cancellation.isCancelled(id) else { return fail(id, .cancelled) }
    do {
      let request = try params.decode(Request.self)
      let result = try body(request)
      guard !cancellation.isCancelled(id) else { return fail(id, .cancelled) }
      connection.reply(to: id, result: result)
      cancellation.end(id)
    } catch {
      fail(id, error)
    }
  }

  /// Like `respond(_:_:_:)` for results that write their own JSON (large diagnostics reports).
  func respondWritable<Request: RequestType>(
    _ id: RequestID, _ params: RawParams, _ body: (Request) throws(ResponseError) -> Request.Response
  ) where Request.Response: JSONWritable {
    guard !cancellation.isCancelled(id) else { return fail(id, .cancelled) }
    do {
      let request = try params.decode(Request.self)
      let result = try body(request)
      guard !cancellation.isCancelled(id) else { return fail(id, .cancelled) }
      connection.reply(to: id, writableResult: result)
      cancellation.end(id)
    } catch {
      fail(id, error)
    }
  }

  /// Like `respond(_:_:_:)` for requests without params.
  func respond<Response: Encodable>(_ id: RequestID, _ body: () throws(ResponseError) -> Response) {
    guard !cancellation.isCancelled(id) else { return fail(id, .cancelled) }
    do {
      let result = try body()
      connection.reply(to: id, result: result)
      cancellation.end(id)
    } catch {
      fail(id, error)
    }
  }

  func fail(_ id: RequestID, _ error: ResponseError) {
    if error.code != .requestCancelled { logger.info("request \(id) failed: \(error.message)") }
    connection.reply(to: id, error: error)
    cancellation.end(id)
  }

  // MARK: Notifications

  private func handleNotification(method: String, params: RawParams) {
    logger.info("notification \(method)")
    if method == ExitNotification.method { return exit() }
    switch lifecycle {
    case .uninitialized:
      return logger.warning("notification \(method) before initialize dropped")
    case .shutDown:
      return logger.warning("notification \(method) after shutdown dropped")
    case .running:
      break
    }
    do throws(ResponseError) {
      switch method {
      case InitializedNotification.method: initialized()
      case DidOpenTextDocumentNotification.method: didOpen(try params.decode(DidOpenTextDocumentNotification.self))
      case DidChangeTextDocumentNotification.method:
        didChange(try params.decode(DidChangeTextDocumentNotification.self))
      case DidSaveTextDocumentNotification.method: didSave(try params.decode(DidSaveTextDocumentNotification.self))
      case DidCloseTextDocumentNotification.method:
        didClose(try params.decode(DidCloseTextDocumentNotification.self))
      case DidChangeConfigurationNotification.method:
        didChangeConfiguration(try params.decode(DidChangeConfigurationNotification.self))
      case SetTraceNotification.method: setTrace(try params.decode(SetTraceNotification.self).value)
      case DidChangeWatchedFilesNotification.method:
        didChangeWatchedFiles(try params.decode(DidChangeWatchedFilesNotification.self))
      case CancelRequestNotification.method: break  // applied on arrival, in `receive(_:)`
      default:
        // Unknown notifications, `$/` ones included, are ignored as the specification says.
        logger.debug("notification \(method) ignored")
      }
    } catch {
      logger.error("notification \(method) ignored: \(error.message)")
    }
  }
}
