/// `textDocument/foldingRange`: the regions of a document the editor can fold.
public struct FoldingRangeRequest: RequestType, Hashable {
  public static let method = "textDocument/foldingRange"
  public typealias Response = [FoldingRange]?

  public var textDocument: TextDocumentIdentifier
  public init(textDocument: TextDocumentIdentifier) { self.textDocument = textDocument }
}
