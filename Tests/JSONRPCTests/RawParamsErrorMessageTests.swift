import Foundation
import JSONRPC
import Testing

/// The `InvalidParams` message a client gets for params of the wrong shape names the field at
/// fault by its path from `params`.
@Suite struct RawParamsErrorMessageTests {
  struct PositionParams: Decodable {
    struct Document: Decodable { var uri: String }
    struct Position: Decodable {
      var line: Int
      var character: Int
    }
    var textDocument: Document
    var position: Position
  }

  struct ItemsParams: Decodable {
    struct Item: Decodable { var section: String }
    var items: [Item]
  }

  /// The error message for decoding `params` (a JSON text) as `T`, or nil when decoding succeeds.
  static func message<T: Decodable>(_ params: String, as type: T.Type) -> String? {
    let body = #"{"jsonrpc":"2.0","id":1,"method":"m","params":\#(params)}"#
    guard case .success(.request(_, _, let raw)) = IncomingMessage.decode(Data(body.utf8)) else {
      Issue.record("the envelope itself was rejected")
      return nil
    }
    do {
      _ = try raw.decode(T.self)
      return nil
    } catch {
      #expect(error.code == .invalidParams)
      return error.message
    }
  }

  @Test func validParamsDecode() {
    let params = #"{"textDocument":{"uri":"file:///a.md"},"position":{"line":1,"character":2}}"#
    #expect(Self.message(params, as: PositionParams.self) == nil)
  }

  @Test func aMissingTopLevelFieldIsNamed() {
    let message = Self.message(#"{"position":{"line":1,"character":2}}"#, as: PositionParams.self)
    #expect(message == "Invalid params: missing field 'textDocument'")
  }

  @Test func aMissingNestedFieldIsNamedByItsPath() {
    let params = #"{"textDocument":{"uri":"file:///a.md"},"position":{"line":1}}"#
    #expect(Self.message(params, as: PositionParams.self) == "Invalid params: missing field 'position.character'")
  }

  @Test func aMistypedFieldIsNamedWithTheTypeExpected() {
    let params = #"{"textDocument":{"uri":"file:///a.md"},"position":{"line":"1","character":2}}"#
    #expect(
      Self.message(params, as: PositionParams.self)
        == "Invalid params: field 'position.line' has the wrong type (expected an integer)")
  }

  @Test func aNullFieldIsNamed() {
    let params = #"{"textDocument":{"uri":null},"position":{"line":1,"character":2}}"#
    #expect(
      Self.message(params, as: PositionParams.self)
        == "Invalid params: field 'textDocument.uri' must not be null (expected a string)")
  }

  @Test func aFieldInsideAnArrayIsNamedWithItsIndex() {
    let params = #"{"items":[{"section":"a"},{"section":3}]}"#
    #expect(
      Self.message(params, as: ItemsParams.self)
        == "Invalid params: field 'items[1].section' has the wrong type (expected a string)")
  }

  @Test func aMissingFieldInsideAnArrayIsNamedWithItsIndex() {
    #expect(
      Self.message(#"{"items":[{"section":"a"},{},{}]}"#, as: ItemsParams.self)
        == "Invalid params: missing field 'items[1].section'")
  }

  @Test func paramsOfTheWrongShapeAreNamedAsParams() {
    #expect(
      Self.message(#"[1,2]"#, as: PositionParams.self)?.hasPrefix("Invalid params: field 'params'") == true)
  }

  @Test func missingParamsAreReportedAsSuch() throws {
    let body = #"{"jsonrpc":"2.0","id":1,"method":"m"}"#
    guard case .success(.request(_, _, let raw)) = IncomingMessage.decode(Data(body.utf8)) else {
      Issue.record("rejected")
      return
    }
    #expect(throws: ResponseError.invalidParams("missing 'params'")) { try raw.decode(PositionParams.self) }
    #expect(try raw.decodeIfPresent(PositionParams.self) == nil)
  }
}
