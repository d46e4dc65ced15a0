/// `workspace/didChangeWatchedFiles`: files the server watches changed on disk.
public struct DidChangeWatchedFilesNotification: NotificationType, Hashable {
  public static let method = "workspace/didChangeWatchedFiles"
  public var changes: [FileEvent]
  public init(changes: [FileEvent]) { self.changes = changes }

  /// One file created (1), changed (2) or deleted (3).
  public struct FileEvent: Codable, Hashable, Sendable {
    public var uri: DocumentURI
    public var type: Int
    public init(uri: DocumentURI, type: Int) {
      self.uri = uri
      self.type = type
    }
  }
}
