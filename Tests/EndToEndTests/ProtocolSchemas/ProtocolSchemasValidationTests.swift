import JSONRPC
import TestSupport
import Testing

/// `ProtocolSchemas.validate`: whole messages, picked by method, part and direction.
@Suite struct ProtocolSchemasValidationTests {
  static func schemas() throws -> ProtocolSchemas { try ProtocolSchemas.project.get() }

  static let didOpen: JSONValue = [
    "jsonrpc": "2.0", "method": "textDocument/didOpen",
    "params": ["textDocument": ["uri": "file:///a.md", "languageId": "markdown", "version": 1, "text": "Café 😀"]],
  ]

  @Test func aValidNotificationPasses() throws {
    #expect(try Self.schemas().validate(message: Self.didOpen, direction: .sent, requestMethodForResponse: nil) == [])
  }

  @Test func aDidOpenWithoutVersionIsAViolation() throws {
    let message: JSONValue = [
      "jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": ["textDocument": ["uri": "file:///a.md", "languageId": "markdown", "text": "Café 😀"]],
    ]
    let violations = try Self.schemas().validate(message: message, direction: .sent, requestMethodForResponse: nil)
    #expect(violations == ["sent textDocument/didOpen notification: params.textDocument.version: missing (required)"])
  }

  @Test func aMistypedFieldIsNamedByItsPath() throws {
    let message = Self.didOpen.merging(["params": ["textDocument": ["uri": 42]]])
    let violations = try Self.schemas().validate(message: message, direction: .sent, requestMethodForResponse: nil)
    #expect(violations == ["sent textDocument/didOpen notification: params.textDocument.uri: expected string, got integer"])
  }

  @Test func aMessageGoingTheWrongWayIsAViolation() throws {
    let violations = try Self.schemas().validate(
      message: Self.didOpen, direction: .received, requestMethodForResponse: nil)
    #expect(violations == [
      "received textDocument/didOpen notification: (root): textDocument/didOpen is clientToServer, so it cannot be received here"
    ])
  }

  @Test func aMethodWithoutSchemaIsAViolation() throws {
    let message: JSONValue = ["jsonrpc": "2.0", "id": 7, "method": "textDocument/rename", "params": [:]]
    let violations = try Self.schemas().validate(message: message, direction: .sent, requestMethodForResponse: nil)
    #expect(violations == ["sent textDocument/rename request: no schema for method textDocument/rename"])
  }

  @Test func aResponseIsCheckedAgainstItsRequestsMethod() throws {
    let schemas = try Self.schemas()
    let nullResult: JSONValue = ["jsonrpc": "2.0", "id": 1, "result": nil]
    #expect(schemas.validate(message: nullResult, direction: .received, requestMethodForResponse: "shutdown") == [])
    let violations = schemas.validate(message: nullResult, direction: .received, requestMethodForResponse: "initialize")
    #expect(violations.count == 1)
    #expect(violations.first?.hasPrefix("received response to initialize: result: ") == true)
  }

  @Test func aResponseWithBothResultAndErrorIsAViolation() throws {
    let message: JSONValue = ["jsonrpc": "2.0", "id": 1, "result": nil, "error": ["code": -32603, "message": "?"]]
    let violations = try Self.schemas().validate(
      message: message, direction: .received, requestMethodForResponse: "shutdown")
    #expect(violations == [
      "received response to shutdown: (root): matches 2 of the alternatives, but must match exactly one"
    ])
  }

  @Test func errorResponsesToUnknownMethodsAndUnreadableRequestsPass() throws {
    let schemas = try Self.schemas()
    let notFound: JSONValue = ["jsonrpc": "2.0", "id": 3, "error": ["code": -32601, "message": "Method not found"]]
    #expect(schemas.validate(message: notFound, direction: .received, requestMethodForResponse: "no/such") == [])
    let parseError: JSONValue = ["jsonrpc": "2.0", "id": nil, "error": ["code": -32700, "message": "Parse error"]]
    #expect(schemas.validate(message: parseError, direction: .received, requestMethodForResponse: nil) == [])
    let broken: JSONValue = ["jsonrpc": "2.0", "id": nil, "error": ["code": "bad"]]
    #expect(schemas.validate(message: broken, direction: .received, requestMethodForResponse: nil) == [
      "received error response: error.message: missing (required)",
      "received error response: error.code: expected integer, got string",
    ])
  }

  @Test func aResponseToNoRequestIsAViolation() throws {
    let message: JSONValue = ["jsonrpc": "2.0", "id": 99, "result": nil]
    let violations = try Self.schemas().validate(message: message, direction: .received, requestMethodForResponse: nil)
    #expect(violations == ["received response with id 99: answers no request"])
  }

  @Test func theServersRequestsAreAnsweredTheOtherWay() throws {
    let schemas = try Self.schemas()
    let request: JSONValue = [
      "jsonrpc": "2.0", "id": 1, "method": "workspace/configuration", "params": ["items": [["section": "dateline"]]],
    ]
    #expect(schemas.validate(message: request, direction: .received, requestMethodForResponse: nil) == [])
    let answer: JSONValue = ["jsonrpc": "2.0", "id": 1, "result": [nil]]
    #expect(schemas.validate(message: answer, direction: .sent, requestMethodForResponse: "workspace/configuration") == [])
    let notAnArray: JSONValue = ["jsonrpc": "2.0", "id": 1, "result": nil]
    #expect(
      schemas.validate(message: notAnArray, direction: .sent, requestMethodForResponse: "workspace/configuration")
        == ["sent response to workspace/configuration: result: expected array, got null"])
  }
}
