import JSONRPC

/// A JSON Schema read into the keywords `JSONSchemaValidator` knows, for the subset of draft 2020-12
/// the protocol schemas use. Reading fails on any other keyword, so no part of a schema is ever
/// silently ignored.
struct JSONSchema: Sendable {
  /// The JSON types of the `type` keyword.
  enum JSONType: String, Sendable, CaseIterable {
    case null, boolean, integer, number, string, array, object
  }

  /// A schema: `true` (anything), `false` (nothing) or an object of keywords.
  indirect enum Node: Sendable {
    case always(Bool)
    case keywords(Keywords)
  }

  /// The assertions of one schema object; nil or empty means the keyword is absent.
  struct Keywords: Sendable {
    var types: [JSONType]?
    var properties: [String: Node] = [:]
    var required: [String] = []
    var additionalProperties: Node?
    var prefixItems: [Node] = []
    var items: Node?
    var minItems: Int?
    var maxItems: Int?
    var enumValues: [JSONValue]?
    var constValue: JSONValue?
    var minimum: Double?
    var maximum: Double?
    var anyOf: [Node]?
    var allOf: [Node]?
    var oneOf: [Node]?
    /// The name in `#/$defs/<name>`.
    var ref: String?
  }

  /// Keywords that only describe, and are accepted anywhere. `x-messageDirection` is the protocol
  /// schemas' own: which way a method's messages travel.
  static let annotations: Set<String> = [
    "$schema", "$id", "title", "description", "$comment", "deprecated", "x-messageDirection",
  ]
  static let dialect = "https://json-schema.org/draft/2020-12/schema"

  let root: Node
  /// The root's `$defs`, by name.
  let definitions: [String: Node]

  /// Reads `schema`; throws on an unknown keyword, a malformed keyword value or a `$ref` that does
  /// not name one of the root's `$defs`.
  init(_ schema: JSONValue) throws(JSONSchemaValidator.SchemaError) {
    var definitions: [String: Node] = [:]
    if let defs = schema["$defs"] {
      guard case .object(let members) = defs else { throw .init("$defs: must be an object") }
      for (name, value) in members {
        definitions[name] = try Self.node(value, at: "$defs/\(name)")
      }
    }
    self.root = try Self.node(schema, at: "", isRoot: true)
    self.definitions = definitions
    for name in Self.references(in: root) + definitions.values.flatMap(Self.references) {
      guard definitions[name] != nil else { throw .init("$ref: #/$defs/\(name) is not defined") }
    }
  }

  // MARK: Reading keywords

  private static func node(
    _ value: JSONValue, at location: String, isRoot: Bool = false
  ) throws(JSONSchemaValidator.SchemaError) -> Node {
    switch value {
    case .bool(let flag):
      return .always(flag)
    case .object(let members):
      var keywords = Keywords()
      for (keyword, argument) in members {
        try read(keyword, argument, into: &keywords, at: location, isRoot: isRoot)
      }
      return .keywords(keywords)
    default:
      throw .init("\(location.isEmpty ? "(root)" : location): a schema must be an object or a boolean")
    }
  }

  private static func read(
    _ keyword: String, _ argument: JSONValue, into keywords: inout Keywords, at location: String, isRoot: Bool
  ) throws(JSONSchemaValidator.SchemaError) {
    let here = location.isEmpty ? keyword : "\(location)/\(keyword)"
    func bad(_ expectation: String) -> JSONSchemaValidator.SchemaError { .init("\(here): must be \(expectation)") }
    switch keyword {
    case "type":
      let names = argument.arrayValue ?? [argument]
      var types: [JSONType] = []
      for name in names {
        guard let type = name.stringValue.flatMap(JSONType.init(rawValue:)) else {
          throw bad("a JSON type name or an array of them")
        }
        types.append(type)
      }
      keywords.types = types
    case "properties":
      guard case .object(let members) = argument else { throw bad("an object of schemas") }
      for (name, schema) in members {
        keywords.properties[name] = try node(schema, at: "\(here)/\(name)")
      }
    case "required":
      guard let names = argument.arrayValue?.compactMap(\.stringValue), names.count == argument.arrayValue?.count
      else { throw bad("an array of strings") }
      keywords.required = names
    case "additionalProperties":
      keywords.additionalProperties = try node(argument, at: here)
    case "prefixItems":
      keywords.prefixItems = try schemaArray(argument, at: here)
    case "items":
      keywords.items = try node(argument, at: here)
    case "minItems", "maxItems":
      guard let count = argument.intValue, count >= 0 else { throw bad("a non-negative integer") }
      if keyword == "minItems" { keywords.minItems = count } else { keywords.maxItems = count }
    case "enum":
      guard let values = argument.arrayValue, !values.isEmpty else { throw bad("a non-empty array") }
      keywords.enumValues = values
    case "const":
      keywords.constValue = argument
    case "minimum", "maximum":
      guard let bound = JSONSchemaValidator.number(argument) else { throw bad("a number") }
      if keyword == "minimum" { keywords.minimum = bound } else { keywords.maximum = bound }
    case "anyOf":
      keywords.anyOf = try schemaArray(argument, at: here)
    case "allOf":
      keywords.allOf = try schemaArray(argument, at: here)
    case "oneOf":
      keywords.oneOf = try schemaArray(argument, at: here)
    case "$ref":
      let prefix = "#/$defs/"
      guard let target = argument.stringValue, target.hasPrefix(prefix), target.count > prefix.count else {
        throw bad("a reference of the form #/$defs/Name (the only kind supported)")
      }
      keywords.ref = String(target.dropFirst(prefix.count))
    case "$defs":
      guard isRoot else { throw .init("\(here): $defs is supported only at the root") }
    case "$schema":
      guard argument.stringValue == dialect else { throw bad("\(dialect) (the only dialect supported)") }
    case "deprecated":
      guard argument.boolValue != nil else { throw bad("a boolean") }
    case _ where annotations.contains(keyword):
      guard argument.stringValue != nil else { throw bad("a string") }
    default:
      throw .init("\(here): unknown keyword '\(keyword)' (the validator does not support it)")
    }
  }

  private static func schemaArray(
    _ argument: JSONValue, at location: String
  ) throws(JSONSchemaValidator.SchemaError) -> [Node] {
    guard let elements = argument.arrayValue, !elements.isEmpty else {
      throw .init("\(location): must be a non-empty array of schemas")
    }
    var nodes: [Node] = []
    for (index, element) in elements.enumerated() {
      nodes.append(try node(element, at: "\(location)/\(index)"))
    }
    return nodes
  }

  /// The `$defs` names a node refers to, at any depth (without following the references).
  private static func references(in node: Node) -> [String] {
    guard case .keywords(let keywords) = node else { return [] }
    var children = Array(keywords.properties.values) + keywords.prefixItems
    children += [keywords.additionalProperties, keywords.items].compactMap { $0 }
    children += (keywords.anyOf ?? []) + (keywords.allOf ?? []) + (keywords.oneOf ?? [])
    return (keywords.ref.map { [$0] } ?? []) + children.flatMap(references)
  }
}
