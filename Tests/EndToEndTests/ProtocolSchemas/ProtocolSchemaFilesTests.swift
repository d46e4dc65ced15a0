import Foundation
import JSONRPC
import TestSupport
import Testing

/// The files in `protocol-schemas/`: they load, their references resolve, and each describes a method
/// of the LSP 3.17 meta model, with the meta model's kind and direction.
@Suite struct ProtocolSchemaFilesTests {
  static func schemas() throws -> ProtocolSchemas { try ProtocolSchemas.project.get() }

  /// The meta model's requests and notifications, by method: kind ("request" or "notification") and direction.
  static func metaModelMethods() throws -> [String: (kind: String, direction: String)] {
    let data = try Data(contentsOf: SharedFixtures.shared("lsp/metaModel-3.17.json"))
    let model = try JSONDecoder().decode(JSONValue.self, from: data)
    var methods: [String: (kind: String, direction: String)] = [:]
    for (kind, key) in [("request", "requests"), ("notification", "notifications")] {
      for message in model[key]?.arrayValue ?? [] {
        guard let method = message["method"]?.stringValue, let direction = message["messageDirection"]?.stringValue
        else { continue }
        methods[method] = (kind, direction)
      }
    }
    return methods
  }

  @Test func everyFileLoads() throws {
    let schemas = try Self.schemas()
    #expect(schemas.schemas.count >= 37)
    #expect(schemas.schema(for: "textDocument/didOpen", .notification) != nil)
    #expect(schemas.schema(for: "$/cancelRequest", .notification)?.file.lastPathComponent
      == "dollar.cancelRequest.notification.json")
    #expect(schemas.schema(for: "dateline/documentText", .response) != nil)
  }

  @Test func everyReferenceResolvesAndEveryDefinitionIsReached() throws {
    for schema in try Self.schemas().schemas {
      let definitions = schema.json["$defs"]?.objectValue ?? [:]
      var reached: Set<String> = []
      var pending = Self.references(in: schema.json)
      while let name = pending.popLast() {
        guard reached.insert(name).inserted else { continue }
        guard let definition = definitions[name] else {
          Issue.record("\(schema.file.lastPathComponent): #/$defs/\(name) is not defined")
          continue
        }
        pending += Self.references(in: definition)
      }
      #expect(Set(definitions.keys) == reached, "\(schema.file.lastPathComponent): unreached definitions")
    }
  }

  /// The names of every `#/$defs/…` reference in a schema, at any depth, `$defs` left out.
  static func references(in schema: JSONValue) -> [String] {
    switch schema {
    case .object(let members):
      var names = members["$ref"]?.stringValue.map { [String($0.dropFirst("#/$defs/".count))] } ?? []
      for (keyword, member) in members where keyword != "$defs" {
        names += references(in: member)
      }
      return names
    case .array(let elements):
      return elements.flatMap(references)
    default:
      return []
    }
  }

  @Test func everyLSPFileIsAMethodOfTheMetaModelWithItsKindAndDirection() throws {
    let methods = try Self.metaModelMethods()
    for schema in try Self.schemas().schemas where schema.file.deletingLastPathComponent().lastPathComponent == "lsp" {
      let name = schema.file.lastPathComponent
      guard let method = methods[schema.method] else {
        Issue.record("\(name): \(schema.method) is not in the meta model")
        continue
      }
      let kind = schema.part == .notification ? "notification" : "request"
      #expect(method.kind == kind, "\(name): the meta model has a \(method.kind)")
      #expect(method.direction == schema.direction.rawValue, "\(name): the meta model says \(method.direction)")
    }
  }

  @Test func theDatelineFilesAreTheExtensionsOnly() throws {
    let methods = try Self.metaModelMethods()
    let dateline = try Self.schemas().schemas.filter { $0.file.deletingLastPathComponent().lastPathComponent == "dateline" }
    #expect(dateline.map(\.file.lastPathComponent).sorted()
      == ["dateline.documentText.request.json", "dateline.documentText.response.json"])
    for schema in dateline {
      #expect(schema.method.hasPrefix("dateline/"))
      #expect(methods[schema.method] == nil)
    }
  }

  @Test func everyRequestHasItsResponse() throws {
    let schemas = try Self.schemas()
    for schema in schemas.schemas where schema.part == .request {
      #expect(schemas.schema(for: schema.method, .response) != nil, "\(schema.method) has no response schema")
    }
  }

  @Test func theMethodsDatelineImplementsAreCovered() throws {
    let schemas = try Self.schemas()
    let requests = [
      "initialize", "shutdown", "workspace/configuration", "client/registerCapability", "textDocument/documentSymbol",
      "textDocument/foldingRange", "textDocument/codeAction", "workspace/executeCommand", "textDocument/diagnostic",
      "workspace/applyEdit", "textDocument/hover", "dateline/documentText",
    ]
    let notifications = [
      "initialized", "exit", "textDocument/didOpen", "textDocument/didChange", "textDocument/didSave",
      "textDocument/didClose", "workspace/didChangeConfiguration", "$/cancelRequest", "$/setTrace", "$/logTrace",
      "window/logMessage", "window/showMessage", "textDocument/publishDiagnostics",
    ]
    for method in requests {
      #expect(schemas.schema(for: method, .request) != nil, "\(method)")
    }
    for method in notifications {
      #expect(schemas.schema(for: method, .notification) != nil, "\(method)")
    }
  }
}
