import JSONRPC

/// The kind of a code action (`quickfix`, …); an open set of dotted strings.
public struct CodeActionKind: RawRepresentable, Codable, Hashable, Sendable {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }

  public static let quickFix = CodeActionKind(rawValue: "quickfix")
  public static let source = CodeActionKind(rawValue: "source")

  /// Whether this kind is `other` or a sub-kind of it (`quickfix.spelling` is within `quickfix`).
  public func isWithin(_ other: CodeActionKind) -> Bool {
    other.rawValue.isEmpty || rawValue == other.rawValue || rawValue.hasPrefix(other.rawValue + ".")
  }
}

/// A change the user can apply from the editor's light bulb.
public struct CodeAction: Codable, Hashable, Sendable {
  public var title: String
  public var kind: CodeActionKind?
  public var diagnostics: [Diagnostic]?
  public var isPreferred: Bool?
  public var edit: WorkspaceEdit?
  public var command: Command?

  public init(
    title: String, kind: CodeActionKind?, diagnostics: [Diagnostic]? = nil, isPreferred: Bool? = nil,
    edit: WorkspaceEdit? = nil, command: Command? = nil
  ) {
    self.title = title
    self.kind = kind
    self.diagnostics = diagnostics
    self.isPreferred = isPreferred
    self.edit = edit
    self.command = command
  }
}

/// The answer to `textDocument/codeAction`: a code action, or a bare command for old clients.
public enum CodeActionOrCommand: Codable, Hashable, Sendable {
  case action(CodeAction)
  case command(Command)

  public init(from decoder: any Decoder) throws {
    // A Command has a string `command`; a CodeAction's `command` is an object, or absent.
    struct Probe: Decodable { var command: JSONValue? }
    let probe = try Probe(from: decoder)
    if case .string = probe.command {
      self = .command(try Command(from: decoder))
    } else {
      self = .action(try CodeAction(from: decoder))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .action(let action): try action.encode(to: encoder)
    case .command(let command): try command.encode(to: encoder)
    }
  }
}
