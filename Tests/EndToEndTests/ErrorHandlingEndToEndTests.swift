import Foundation
import JSONRPC
import TestSupport
import Testing

/// Bad input sent to the spawned binary: each case gets the error the specification names, and the
/// next valid request still gets its answer.
@Suite struct ErrorHandlingEndToEndTests {
  /// A server past `initialize`.
  private func initializedServer() throws -> TestClient {
    let client = try TestClient.spawn()
    try client.initialize()
    return client
  }

  /// Asserts that a valid request sent now is still answered.
  private func expectStillServing(_ client: TestClient, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let response = try client.request("dateline/documentText", ["textDocument": ["uri": "file:///nowhere.news"]])
    #expect(response["error"]?["code"] == .integer(-32803), sourceLocation: sourceLocation)
  }

  private func errorCode(_ response: JSONValue) -> Int? { response["error"]?["code"]?.intValue }

  @Test func bodyThatIsNotJSONGetsParseErrorWithNullID() throws {
    let client = try initializedServer()
    let body = Array(#"{"jsonrpc": "2.0", "id": 9, "method": "#.utf8)
    client.sendRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    let response = try client.waitFor("a parse error") { $0["error"] != nil }
    #expect(errorCode(response) == -32700)
    #expect(response["id"] == .null)
    try expectStillServing(client)
    #expect(try client.shutdownAndExit() == 0)
  }

  @Test(arguments: [
    #"[1, 2, 3]"#,
    #"42"#,
    #"{"jsonrpc": "1.0", "id": 7, "method": "shutdown"}"#,
    #"{"id": 7, "method": "shutdown"}"#,
    #"{"jsonrpc": "2.0", "id": true, "method": "shutdown"}"#,
    #"{"jsonrpc": "2.0", "id": 7, "method": 12}"#,
    #"{"jsonrpc": "2.0", "id": 7, "method": "shutdown", "params": "all"}"#,
  ])
  func structurallyWrongMessageGetsInvalidRequest(body: String) throws {
    let client = try initializedServer()
    let bytes = Array(body.utf8)
    client.sendRaw(Array("Content-Length: \(bytes.count)\r\n\r\n".utf8) + bytes)
    let response = try client.waitFor("an invalid-request error") { $0["error"] != nil }
    #expect(errorCode(response) == -32600)
    if body.contains("\"id\": 7") { #expect(response["id"] == 7) } else { #expect(response["id"] == .null) }
    try expectStillServing(client)
  }

  @Test func unknownRequestGetsMethodNotFound() throws {
    let client = try initializedServer()
    #expect(errorCode(try client.request("textDocument/teleport", ["x": 1], validate: false)) == -32601)
    #expect(errorCode(try client.request("$/dateline/unknown", [:], validate: false)) == -32601)
    try expectStillServing(client)
    #expect(client.schemaViolations == [])
  }

  @Test func unknownNotificationsAreIgnoredSilently() throws {
    let client = try initializedServer()
    let mark = client.mark
    client.notify("textDocument/teleport", ["x": 1], validate: false)
    client.notify("$/progress", ["token": 1, "value": ["kind": "end"]], validate: false)
    try expectStillServing(client)
    // Only the answer to the probe came back: nothing answered the notifications.
    #expect(client.received.count == mark + 1)
  }

  @Test func wrongParamsGetInvalidParamsNamingTheField() throws {
    let client = try initializedServer()
    let missing = try client.request("dateline/documentText", ["textDocument": [:]], validate: false)
    #expect(errorCode(missing) == -32602)
    #expect(missing["error"]?["message"]?.stringValue?.contains("textDocument.uri") == true)
    let mistyped = try client.request("dateline/documentText", ["textDocument": ["uri": 42]], validate: false)
    #expect(errorCode(mistyped) == -32602)
    #expect(mistyped["error"]?["message"]?.stringValue?.contains("textDocument.uri") == true)
    let absent = try client.request("dateline/documentText", validate: false)
    #expect(errorCode(absent) == -32602)
    try expectStillServing(client)
    #expect(client.schemaViolations == [])
  }

  @Test func requestsBeforeInitializeGetServerNotInitialized() throws {
    let client = try TestClient.spawn()
    let early = try client.request("dateline/documentText", ["textDocument": ["uri": "file:///a.news"]])
    #expect(errorCode(early) == -32002)
    // A notification before initialize is dropped: the document is not open afterwards.
    client.notify(
      "textDocument/didOpen",
      ["textDocument": ["uri": "file:///a.news", "languageId": "news", "version": 1, "text": "Bonjour"]])
    try client.initialize()
    try expectStillServing(client)
    let afterwards = try client.request("dateline/documentText", ["textDocument": ["uri": "file:///a.news"]])
    #expect(errorCode(afterwards) == -32803)
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }

  @Test func secondInitializeIsAnInvalidRequest() throws {
    let client = try initializedServer()
    let again = try client.request("initialize", ["processId": .null, "rootUri": .null, "capabilities": [:]])
    #expect(errorCode(again) == -32600)
    try expectStillServing(client)
    #expect(client.schemaViolations == [])
  }

  @Test func requestsAfterShutdownGetInvalidRequest() throws {
    let client = try initializedServer()
    _ = try client.request("shutdown")
    #expect(errorCode(try client.request("dateline/documentText", ["textDocument": ["uri": "file:///a"]])) == -32600)
    client.notify("exit")
    #expect(client.waitForExit() == 0)
  }

  @Test func cancelledRequestAnswersRequestCancelled() throws {
    let client = try initializedServer()
    // The request and its cancellation leave in one write, as a client cancelling at once would do.
    let request: JSONValue = [
      "jsonrpc": "2.0", "id": 77, "method": "dateline/documentText",
      "params": ["textDocument": ["uri": "file:///a.news"]],
    ]
    let cancel: JSONValue = ["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": 77]]
    client.sendRaw(TestClient.frame(request) + TestClient.frame(cancel))
    let response = try client.response(to: 77)
    #expect(errorCode(response) == -32800)
    try expectStillServing(client)
    #expect(client.schemaViolations == [])
  }

  @Test func cancellingAnAnsweredRequestChangesNothing() throws {
    let client = try initializedServer()
    let id = client.sendRequest("dateline/documentText", ["textDocument": ["uri": "file:///a.news"]])
    _ = try client.response(to: id)
    client.notify("$/cancelRequest", ["id": id])
    try expectStillServing(client)
  }
}

/// Garbled framing: reported on stderr; the server recovers at the next header or ends cleanly.
@Suite struct GarbledHeaderEndToEndTests {
  private func probe(id: Int) -> [UInt8] {
    TestClient.frame([
      "jsonrpc": "2.0", "id": .integer(id), "method": "dateline/documentText",
      "params": ["textDocument": ["uri": "file:///x.news"]],
    ])
  }

  private func expectRecovery(after garbage: [UInt8], reportContaining report: String) throws {
    let client = try TestClient.spawn()
    try client.initialize()
    client.sendRaw(garbage + probe(id: 500))
    let response = try client.response(to: 500)
    #expect(response["error"]?["code"] == .integer(-32803))
    #expect(client.stderrContains(report), "stderr: \(client.stderrText)")
    #expect(try client.shutdownAndExit() == 0)
  }

  @Test func missingContentLength() throws {
    try expectRecovery(
      after: Array("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".utf8),
      reportContaining: "without Content-Length")
  }

  @Test func nonNumericContentLength() throws {
    try expectRecovery(after: Array("Content-Length: twelve\r\n\r\n{}".utf8), reportContaining: "invalid Content-Length")
  }

  @Test func garbageWhereAHeaderShouldBe() throws {
    try expectRecovery(after: Array("hello there, server\r\n".utf8), reportContaining: "expected a header")
  }

  @Test func lengthLargerThanTheMessageThatFollows() throws {
    let body = Array(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#.utf8)
    try expectRecovery(
      after: Array("Content-Length: \(body.count + 500)\r\n\r\n".utf8) + body,
      reportContaining: "larger than the message")
  }

  @Test func lengthLargerThanWhatFollowsAtEndOfInputEndsCleanly() throws {
    let client = try TestClient.spawn()
    try client.initialize()
    _ = try client.request("shutdown")
    client.sendRaw(Array("Content-Length: 4000\r\n\r\n{\"jsonrpc\":\"2.0\"".utf8))
    client.closeInput()
    #expect(client.waitForExit(timeout: 10) == 0)
    #expect(client.stderrContains("end of input inside a message"))
  }

  @Test func garbageAtEndOfInputEndsCleanly() throws {
    let client = try TestClient.spawn()
    client.sendRaw(Array("Content-Len".utf8))
    client.closeInput()
    #expect(client.waitForExit(timeout: 10) == 1)
    #expect(client.stderrContains("end of input inside a header"))
  }
}
