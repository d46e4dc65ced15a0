/// `workspace/applyEdit` (server to client): asks the client to change documents.
public struct ApplyWorkspaceEditRequest: RequestType, Hashable {
  public static let method = "workspace/applyEdit"
  public typealias Response = ApplyWorkspaceEditResult

  public var label: String?
  public var edit: WorkspaceEdit

  public init(label: String?, edit: WorkspaceEdit) {
    self.label = label
    self.edit = edit
  }
}

/// Whether the client applied the edit.
public struct ApplyWorkspaceEditResult: Codable, Hashable, Sendable {
  public var applied: Bool
  public var failureReason: String?
}
