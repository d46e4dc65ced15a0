/// What the server does; only what is implemented is advertised.
public struct ServerCapabilities: Codable, Hashable, Sendable {
  public var positionEncoding: PositionEncodingKind?
  public var textDocumentSync: TextDocumentSyncOptions?
  public var hoverProvider: Bool?
  public var documentSymbolProvider: Bool?
  public var foldingRangeProvider: Bool?
  public var codeActionProvider: CodeActionOptions?
  public var executeCommandProvider: ExecuteCommandOptions?
  public var diagnosticProvider: DiagnosticOptions?
  public var workspace: WorkspaceOptions?

  public init(
    positionEncoding: PositionEncodingKind? = nil, textDocumentSync: TextDocumentSyncOptions? = nil,
    hoverProvider: Bool? = nil, documentSymbolProvider: Bool? = nil, foldingRangeProvider: Bool? = nil,
    codeActionProvider: CodeActionOptions? = nil, executeCommandProvider: ExecuteCommandOptions? = nil,
    diagnosticProvider: DiagnosticOptions? = nil, workspace: WorkspaceOptions? = nil
  ) {
    self.positionEncoding = positionEncoding
    self.textDocumentSync = textDocumentSync
    self.hoverProvider = hoverProvider
    self.documentSymbolProvider = documentSymbolProvider
    self.foldingRangeProvider = foldingRangeProvider
    self.codeActionProvider = codeActionProvider
    self.executeCommandProvider = executeCommandProvider
    self.diagnosticProvider = diagnosticProvider
    self.workspace = workspace
  }
}

/// How documents are synchronised.
public struct TextDocumentSyncOptions: Codable, Hashable, Sendable {
  public var openClose: Bool?
  public var change: TextDocumentSyncKind?
  public var save: SaveOptions?

  public init(openClose: Bool?, change: TextDocumentSyncKind?, save: SaveOptions?) {
    self.openClose = openClose
    self.change = change
    self.save = save
  }

  /// Whether `didSave` should carry the text.
  public struct SaveOptions: Codable, Hashable, Sendable {
    public var includeText: Bool?
    public init(includeText: Bool?) { self.includeText = includeText }
  }
}

/// How `didChange` describes changes.
public enum TextDocumentSyncKind: Int, Codable, Hashable, Sendable {
  case none = 0
  case full = 1
  case incremental = 2
}

/// Code action support.
public struct CodeActionOptions: Codable, Hashable, Sendable {
  public var codeActionKinds: [CodeActionKind]?
  public var resolveProvider: Bool?

  public init(codeActionKinds: [CodeActionKind]?, resolveProvider: Bool? = nil) {
    self.codeActionKinds = codeActionKinds
    self.resolveProvider = resolveProvider
  }
}

/// The commands `workspace/executeCommand` accepts.
public struct ExecuteCommandOptions: Codable, Hashable, Sendable {
  public var commands: [String]
  public init(commands: [String]) { self.commands = commands }
}

/// Pull diagnostics support.
public struct DiagnosticOptions: Codable, Hashable, Sendable {
  public var identifier: String?
  public var interFileDependencies: Bool
  public var workspaceDiagnostics: Bool

  public init(identifier: String?, interFileDependencies: Bool, workspaceDiagnostics: Bool) {
    self.identifier = identifier
    self.interFileDependencies = interFileDependencies
    self.workspaceDiagnostics = workspaceDiagnostics
  }
}

/// Workspace-level support.
public struct WorkspaceOptions: Codable, Hashable, Sendable {
  public var workspaceFolders: WorkspaceFoldersOptions?
  public init(workspaceFolders: WorkspaceFoldersOptions?) { self.workspaceFolders = workspaceFolders }

  /// Whether the server follows workspace folder changes.
  public struct WorkspaceFoldersOptions: Codable, Hashable, Sendable {
    public var supported: Bool?
    public var changeNotifications: Bool?
    public init(supported: Bool?, changeNotifications: Bool?) {
      self.supported = supported
      self.changeNotifications = changeNotifications
    }
  }
}
