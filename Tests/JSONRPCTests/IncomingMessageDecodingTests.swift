import Foundation
import JSONRPC
import Testing

/// How a frame body is classified: what the server handles, and the JSON-RPC error (and id) a
/// malformed message is answered with.
@Suite struct IncomingMessageDecodingTests {
  static func decode(_ json: String) -> Result<IncomingMessage, InvalidMessage> {
    IncomingMessage.decode(Data(json.utf8))
  }

  /// The error a body is rejected with, or nil (recorded as an issue) when it is accepted.
  static func rejection(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) -> InvalidMessage? {
    switch decode(json) {
    case .success(let message):
      Issue.record("accepted as \(message)", sourceLocation: sourceLocation)
      return nil
    case .failure(let invalid):
      return invalid
    }
  }

  // MARK: Valid messages

  @Test func aRequestKeepsItsIdMethodAndParams() throws {
    let result = Self.decode(#"{"jsonrpc":"2.0","id":7,"method":"shutdown","params":{"a":[1,2]}}"#)
    guard case .success(.request(let id, let method, let params)) = result else {
      Issue.record("not a request: \(result)")
      return
    }
    #expect(id == .number(7))
    #expect(method == "shutdown")
    #expect(params.isPresent)
    #expect(try params.decode(JSONValue.self) == ["a": [1, 2]])
  }

  @Test func aRequestMayHaveAStringIdAndNoParams() {
    let result = Self.decode(#"{"jsonrpc":"2.0","id":"abc","method":"shutdown"}"#)
    guard case .success(.request(let id, _, let params)) = result else {
      Issue.record("not a request: \(result)")
      return
    }
    #expect(id == .string("abc"))
    #expect(!params.isPresent)
  }

  @Test func aNotificationHasNoId() throws {
    let result = Self.decode(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
    guard case .success(.notification(let method, let params)) = result else {
      Issue.record("not a notification: \(result)")
      return
    }
    #expect(method == "initialized")
    #expect(try params.decode(JSONValue.self) == [:])
  }

  @Test func aResponseWithAResult() {
    let result = Self.decode(#"{"jsonrpc":"2.0","id":3,"result":{"ok":true}}"#)
    guard case .success(.response(let id, .success(let value))) = result else {
      Issue.record("not a successful response: \(result)")
      return
    }
    #expect(id == .number(3))
    #expect(value == ["ok": true])
  }

  @Test func aResponseWithANullResultIsASuccess() {
    let result = Self.decode(#"{"jsonrpc":"2.0","id":3,"result":null}"#)
    guard case .success(.response(_, .success(let value))) = result else {
      Issue.record("not a successful response: \(result)")
      return
    }
    #expect(value == .null)
  }

  @Test func aResponseWithAnError() {
    let result = Self.decode(#"{"jsonrpc":"2.0","id":"x","error":{"code":-32601,"message":"nope","data":[1]}}"#)
    guard case .success(.response(let id, .failure(let error))) = result else {
      Issue.record("not an error response: \(result)")
      return
    }
    #expect(id == .string("x"))
    #expect(error == ResponseError(code: .methodNotFound, message: "nope", data: [1]))
  }

  // MARK: Malformed messages

  @Test(arguments: ["", "{", "not json", #"{"jsonrpc":"2.0","id":1,"method":"x""#, "\u{FEFF}{}}"])
  func aBodyThatIsNotJSONIsAParseErrorWithNoId(body: String) {
    guard let invalid = Self.rejection(body) else { return }
    #expect(invalid.error.code == .parseError)
    #expect(invalid.id == nil)
    #expect(invalid.needsReply)
  }

  @Test(arguments: ["[]", #"[{"jsonrpc":"2.0","method":"x"}]"#, "42", #""text""#, "null", "true"])
  func jsonThatIsNotAnObjectIsAnInvalidRequest(body: String) {
    guard let invalid = Self.rejection(body) else { return }
    #expect(invalid.error.code == .invalidRequest)
    #expect(invalid.id == nil)
    #expect(invalid.needsReply)
  }

  @Test func aRequestWithoutJsonrpcIsAnInvalidRequestAnsweredToItsId() {
    guard let invalid = Self.rejection(#"{"id":5,"method":"shutdown"}"#) else { return }
    #expect(invalid.error.code == .invalidRequest)
    #expect(invalid.id == .number(5))
    #expect(invalid.needsReply)
  }

  @Test(arguments: [#""1.0""#, #""2""#, "2.0", "null"])
  func aRequestWithTheWrongJsonrpcIsAnInvalidRequest(version: String) {
    guard let invalid = Self.rejection(#"{"jsonrpc":\#(version),"id":"r","method":"shutdown"}"#) else { return }
    #expect(invalid.error.code == .invalidRequest)
    #expect(invalid.id == .string("r"))
  }

  @Test(arguments: ["true", "{}", "[1]", "1.5"])
  func anIdOfTheWrongTypeIsAnInvalidRequestWithNoId(id: String) {
    guard let invalid = Self.rejection(#"{"jsonrpc":"2.0","id":\#(id),"method":"shutdown"}"#) else { return }
    #expect(invalid.error.code == .invalidRequest)
    #expect(invalid.id == nil)
    #expect(invalid.needsReply)
  }

  @Test(arguments: ["3", "null", "{}", #"["a"]"#])
  func aMethodThatIsNotAStringIsAnInvalidRequest(method: String) {
    guard let invalid = Self.rejection(#"{"jsonrpc":"2.0","id":9,"method":\#(method)}"#) else { return }
    #expect(invalid.error.code == .invalidRequest)
    #expect(invalid.id == .number(9))
  }

  @Test(arguments: [#""text""#, "3", "true"])
  func paramsThatAreNotStructuredAreAnInvalidRequest(params: String) {
    guard let invalid = Self.rejection(#"{"jsonrpc":"2.0","id":1,"method":"x","params":\#(params)}"#) else { return }
    #expect(invalid.error.code == .invalidRequest)
    #expect(invalid.id == .number(1))
    #expect(invalid.needsReply)
  }

  @Test func aNotificationWithBadParamsIsRejectedButNotAnswered() {
    guard let invalid = Self.rejection(#"{"jsonrpc":"2.0","method":"x","params":"text"}"#) else { return }
    #expect(invalid.error.code == .invalidRequest)
    #expect(!invalid.needsReply)
  }

  @Test func aRequestWithANullIdIsAnInvalidRequest() {
    guard let invalid = Self.rejection(#"{"jsonrpc":"2.0","id":null,"method":"x"}"#) else { return }
    #expect(invalid.error.code == .invalidRequest)
    #expect(invalid.id == nil)
  }

  @Test func aResponseWithNeitherResultNorErrorIsRejectedButNotAnswered() {
    guard let invalid = Self.rejection(#"{"jsonrpc":"2.0","id":4}"#) else { return }
    #expect(invalid.error.code == .invalidRequest)
    #expect(!invalid.needsReply, "a response is never answered")
  }
}
