import JSONRPC

/// `initialize`: the first request; the client describes itself and the server answers with what it can do.
public struct InitializeRequest: RequestType, Hashable {
  public static let method = "initialize"
  public typealias Response = InitializeResult

  public var processId: Int?
  public var clientInfo: ClientInfo?
  public var locale: String?
  public var rootPath: String?
  public var rootUri: DocumentURI?
  public var initializationOptions: JSONValue?
  public var capabilities: ClientCapabilities
  public var trace: TraceValue?
  public var workspaceFolders: [WorkspaceFolder]?

  public init(
    processId: Int? = nil, clientInfo: ClientInfo? = nil, rootUri: DocumentURI? = nil,
    initializationOptions: JSONValue? = nil, capabilities: ClientCapabilities = ClientCapabilities(),
    trace: TraceValue? = nil, workspaceFolders: [WorkspaceFolder]? = nil
  ) {
    self.processId = processId
    self.clientInfo = clientInfo
    self.rootUri = rootUri
    self.initializationOptions = initializationOptions
    self.capabilities = capabilities
    self.trace = trace
    self.workspaceFolders = workspaceFolders
  }

  /// The client's name and version.
  public struct ClientInfo: Codable, Hashable, Sendable {
    public var name: String
    public var version: String?
  }
}

/// The answer to `initialize`.
public struct InitializeResult: Codable, Hashable, Sendable {
  public var capabilities: ServerCapabilities
  public var serverInfo: ServerInfo?

  public init(capabilities: ServerCapabilities, serverInfo: ServerInfo?) {
    self.capabilities = capabilities
    self.serverInfo = serverInfo
  }

  /// The server's name and version.
  public struct ServerInfo: Codable, Hashable, Sendable {
    public var name: String
    public var version: String?

    public init(name: String, version: String?) {
      self.name = name
      self.version = version
    }
  }
}

/// A workspace folder the client has open.
public struct WorkspaceFolder: Codable, Hashable, Sendable {
  public var uri: DocumentURI
  public var name: String

  public init(uri: DocumentURI, name: String) {
    self.uri = uri
    self.name = name
  }
}

/// How much the client wants to hear of the server's work (`$/logTrace`).
public enum TraceValue: String, Codable, Hashable, Sendable {
  case off, messages, verbose
}
