import Foundation
import JSONRPC
import TestSupport
import Testing

/// The JSON Schema validator, keyword by keyword: each accepts a good value and rejects a bad one with
/// the path of the value at fault.
@Suite struct JSONSchemaValidatorTests {
  /// One keyword's check: `schema` is the schema of member `x`; `good` passes (nil: `x` absent),
  /// `bad` fails with `message` among the errors.
  struct Case: Sendable, CustomTestStringConvertible {
    var keyword: String
    var schema: String
    var good: JSONValue?
    var bad: JSONValue
    var message: String
    var testDescription: String { keyword }
  }

  static let cases: [Case] = [
    Case(keyword: "type", schema: #"{"type": "string"}"#, good: "text", bad: 1, message: "x: expected string, got integer"),
    Case(
      keyword: "type (array)", schema: #"{"type": ["integer", "null"]}"#, good: .null, bad: "1",
      message: "x: expected integer or null, got string"),
    Case(
      keyword: "type integer (whole double)", schema: #"{"type": "integer"}"#, good: .double(2), bad: .double(2.5),
      message: "x: expected integer, got number"),
    Case(
      keyword: "properties", schema: #"{"type": "object", "properties": {"a": {"type": "string"}}}"#,
      good: ["a": "text", "other": 1], bad: ["a": 1], message: "x.a: expected string, got integer"),
    Case(
      keyword: "required", schema: #"{"required": ["a"]}"#, good: ["a": nil], bad: ["b": 1],
      message: "x.a: missing (required)"),
    Case(
      keyword: "additionalProperties (false)", schema: #"{"properties": {"a": {}}, "additionalProperties": false}"#,
      good: ["a": 1], bad: ["a": 1, "b": 2], message: "x.b: not allowed here"),
    Case(
      keyword: "additionalProperties (schema)", schema: #"{"additionalProperties": {"type": "integer"}}"#,
      good: ["k": 1], bad: ["k": "v"], message: "x.k: expected integer, got string"),
    Case(
      keyword: "items", schema: #"{"type": "array", "items": {"type": "integer"}}"#, good: [1, 2], bad: [1, "2"],
      message: "x[1]: expected integer, got string"),
    Case(
      keyword: "prefixItems", schema: #"{"prefixItems": [{"type": "integer"}, {"type": "string"}]}"#,
      good: [1, "a"], bad: ["a", "a"], message: "x[0]: expected integer, got string"),
    Case(
      keyword: "minItems", schema: #"{"minItems": 2}"#, good: [1, 2], bad: [1],
      message: "x: 1 elements, expected at least 2"),
    Case(
      keyword: "maxItems", schema: #"{"maxItems": 2}"#, good: [1, 2], bad: [1, 2, 3],
      message: "x: 3 elements, expected at most 2"),
    Case(
      keyword: "enum", schema: #"{"enum": [1, 2]}"#, good: .double(2), bad: 3, message: "x: expected one of 1, 2, got 3"),
    Case(
      keyword: "const", schema: #"{"const": "2.0"}"#, good: "2.0", bad: "1.0", message: #"x: expected "2.0", got "1.0""#),
    Case(
      keyword: "minimum", schema: #"{"minimum": 0}"#, good: 0, bad: -1, message: "x: -1 is less than the minimum 0"),
    Case(
      keyword: "maximum", schema: #"{"maximum": 2147483647}"#, good: 2_147_483_647, bad: 2_147_483_648,
      message: "x: 2147483648 is more than the maximum 2147483647"),
    Case(
      keyword: "anyOf", schema: #"{"anyOf": [{"type": "string"}, {"type": "null"}]}"#, good: .null, bad: 1,
      message: "x: matches none of the alternatives [1) x: expected string, got integer; 2) x: expected null, got integer]"),
    Case(
      keyword: "allOf", schema: #"{"allOf": [{"required": ["a"]}, {"required": ["b"]}]}"#, good: ["a": 1, "b": 2],
      bad: ["a": 1], message: "x.b: missing (required)"),
    Case(
      keyword: "oneOf", schema: #"{"oneOf": [{"required": ["result"]}, {"required": ["error"]}]}"#,
      good: ["result": nil], bad: ["result": nil, "error": [:]],
      message: "x: matches 2 of the alternatives, but must match exactly one"),
    Case(
      keyword: "$ref", schema: ##"{"$ref": "#/$defs/Count"}"##, good: 1, bad: "one",
      message: "x: expected integer, got string"),
    Case(keyword: "false", schema: "false", good: nil, bad: 1, message: "x: not allowed here"),
  ]

  /// A validator for `{"properties": {"x": <schema>}}`, with a `Count` definition for `$ref`.
  static func validator(for schema: String) throws -> JSONSchemaValidator {
    let root = #"{"properties": {"x": \#(schema)}, "$defs": {"Count": {"type": "integer", "minimum": 0}}}"#
    return try JSONSchemaValidator(schema: JSONDecoder().decode(JSONValue.self, from: Data(root.utf8)))
  }

  @Test(arguments: cases) func keywordAcceptsGoodAndRejectsBad(_ check: Case) throws {
    let validator = try Self.validator(for: check.schema)
    let good: JSONValue = check.good.map { ["x": $0] } ?? [:]
    #expect(validator.validate(good) == [])
    let errors = validator.validate(["x": check.bad])
    #expect(errors.contains(check.message), "\(errors)")
  }

  @Test func oneOfRejectsNoMatch() throws {
    let validator = try Self.validator(for: #"{"oneOf": [{"required": ["result"]}, {"required": ["error"]}]}"#)
    let errors = validator.validate(["x": [:]])
    #expect(errors.count == 1)
    #expect(errors.first?.hasPrefix("x: matches none of the alternatives") == true)
  }

  @Test func recursiveReferencesValidateNestedValues() throws {
    let schema = ##"""
      {"$ref": "#/$defs/Node", "$defs": {"Node": {
        "type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}}}}}
      """##
    let validator = try JSONSchemaValidator(schema: JSONDecoder().decode(JSONValue.self, from: Data(schema.utf8)))
    #expect(validator.validate(["children": [["children": []]]]) == [])
    #expect(validator.validate(["children": [["children": [1]]]]) == ["children[0].children[0]: expected object, got integer"])
  }

  @Test func errorsAtTheRootNameTheRoot() throws {
    let validator = try JSONSchemaValidator(schema: ["type": "object"])
    #expect(validator.validate([1]) == ["(root): expected object, got array"])
  }

  @Test func annotationsAreAccepted() throws {
    let schema: JSONValue = [
      "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "urn:example", "title": "t",
      "description": "d", "$comment": "c", "x-messageDirection": "both",
      "properties": ["old": ["type": "string", "deprecated": true]],
    ]
    #expect(try JSONSchemaValidator(schema: schema).validate(["old": "x"]) == [])
  }

  @Test(arguments: [
    #"{"properties": {"x": {"pattern": "^a"}}}"#,
    #"{"anyOf": [{"type": "string"}, {"format": "uri"}]}"#,
    #"{"$defs": {"Unused": {"minLength": 1}}}"#,
  ])
  func unknownKeywordThrows(_ schema: String) throws {
    let json = try JSONDecoder().decode(JSONValue.self, from: Data(schema.utf8))
    #expect {
      try JSONSchemaValidator(schema: json)
    } throws: { error in
      (error as? JSONSchemaValidator.SchemaError)?.description.contains("unknown keyword") == true
    }
  }

  @Test(arguments: [
    ##"{"$ref": "#/$defs/Missing"}"##,
    ##"{"$ref": "other.json#/$defs/Thing"}"##,
    ##"{"$schema": "http://json-schema.org/draft-07/schema#"}"##,
    #"{"type": "text"}"#,
    #"{"required": "a"}"#,
  ])
  func malformedSchemaThrows(_ schema: String) throws {
    let json = try JSONDecoder().decode(JSONValue.self, from: Data(schema.utf8))
    #expect(throws: JSONSchemaValidator.SchemaError.self) { try JSONSchemaValidator(schema: json) }
  }
}
