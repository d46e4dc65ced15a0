import Foundation
import JSONRPC
import Testing

/// The JSON the server sends: the members JSON-RPC requires are there even when their value is null.
@Suite struct OutgoingMessageTests {
  static func members(_ data: Data) throws -> [String: JSONValue] {
    let value = try JSONDecoder().decode(JSONValue.self, from: data)
    guard case .object(let members) = value else { throw CocoaError(.coderReadCorrupt) }
    return members
  }

  @Test func aNilResultIsSentAsAPresentNull() throws {
    let data = try OutgoingMessage.response(id: .number(4), result: Int?.none)
    let members = try Self.members(data)
    #expect(members.keys.sorted() == ["id", "jsonrpc", "result"])
    #expect(members["result"] == .null)
    #expect(members["id"] == 4)
    #expect(members["jsonrpc"] == "2.0")
    #expect(String(decoding: data, as: UTF8.self).contains(#""result":null"#))
  }

  @Test func aResultIsSentAsIs() throws {
    let data = try OutgoingMessage.response(id: .string("a/b"), result: ["uri": "file:///x"] as [String: String])
    #expect(try Self.members(data)["result"] == ["uri": "file:///x"])
    #expect(String(decoding: data, as: UTF8.self).contains("file:///x"), "slashes are not escaped")
    #expect(try Self.members(data)["id"] == "a/b")
  }

  @Test func anErrorResponseWithoutIdIsSentWithANullId() throws {
    let data = try OutgoingMessage.errorResponse(id: nil, error: .parseError("bad"))
    let members = try Self.members(data)
    #expect(members.keys.sorted() == ["error", "id", "jsonrpc"])
    #expect(members["id"] == .null)
    #expect(members["error"]?["code"] == -32700)
    #expect(members["error"]?["message"] == "Parse error: bad")
    #expect(String(decoding: data, as: UTF8.self).contains(#""id":null"#))
  }

  @Test func anErrorResponseKeepsItsId() throws {
    let data = try OutgoingMessage.errorResponse(id: .number(12), error: .methodNotFound("x/y"))
    let members = try Self.members(data)
    #expect(members["id"] == 12)
    #expect(members["error"]?["code"] == -32601)
    #expect(members["result"] == nil)
  }

  @Test func aNotificationHasNoId() throws {
    let data = try OutgoingMessage.notification(method: "window/logMessage", params: ["message": "hi"])
    let members = try Self.members(data)
    #expect(members.keys.sorted() == ["jsonrpc", "method", "params"])
    #expect(members["params"] == ["message": "hi"])
  }

  @Test func whatIsSentDecodesAsWhatWasMeant() throws {
    let request = try OutgoingMessage.request(id: .number(1), method: "workspace/configuration", params: ["a": 1])
    guard case .success(.request(.number(1), "workspace/configuration", let params)) = IncomingMessage.decode(request)
    else {
      Issue.record("the request does not decode as one")
      return
    }
    #expect(try params.decode([String: Int].self) == ["a": 1])
    let response = try OutgoingMessage.response(id: .number(1), result: JSONValue.null)
    guard case .success(.response(.number(1), .success(.null))) = IncomingMessage.decode(response) else {
      Issue.record("the response does not decode as one")
      return
    }
  }
}
