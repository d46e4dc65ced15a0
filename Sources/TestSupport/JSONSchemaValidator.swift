import JSONRPC

/// Checks JSON values against a JSON Schema (draft 2020-12), for exactly the keywords the protocol
/// schemas use: `type`, `properties`, `required`, `additionalProperties`, `items`, `prefixItems`,
/// `minItems`, `maxItems`, `enum`, `const`, `minimum`, `maximum`, `anyOf`, `allOf`, `oneOf`, `$ref`
/// to `#/$defs/…`, and the annotations (`$schema`, `$id`, `title`, `description`, `$comment`,
/// `deprecated`, `x-messageDirection`). Any other keyword makes `init` throw.
///
/// Each error names the JSON path of the value at fault: `params.textDocument.uri: expected string,
/// got integer`. A whole number counts as an `integer` even when it was read as a `Double`.
public struct JSONSchemaValidator: Sendable {
  /// A schema the validator cannot use: an unknown keyword, a malformed value, a dangling `$ref`.
  public struct SchemaError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
  }

  private let schema: JSONSchema

  /// Reads `schema`, all of it (unused branches included), and throws if any part is not understood.
  public init(schema: JSONValue) throws(SchemaError) {
    self.schema = try JSONSchema(schema)
  }

  /// The errors of `instance` against the schema, one line each; empty when it is valid.
  public func validate(_ instance: JSONValue) -> [String] {
    var errors: [String] = []
    check(instance, against: schema.root, at: Path(), into: &errors)
    return errors
  }

  // MARK: Paths

  /// Where a value sits in the instance: `params.contentChanges[0].range`.
  struct Path: CustomStringConvertible {
    var text = ""

    func appending(key: String) -> Path { Path(text: text.isEmpty ? key : "\(text).\(key)") }
    func appending(index: Int) -> Path { Path(text: "\(text)[\(index)]") }

    var description: String { text.isEmpty ? "(root)" : text }
  }

  // MARK: Checking

  private func check(_ value: JSONValue, against node: JSONSchema.Node, at path: Path, into errors: inout [String]) {
    switch node {
    case .always(true):
      return
    case .always(false):
      errors.append("\(path): not allowed here")
    case .keywords(let keywords):
      check(value, against: keywords, at: path, into: &errors)
    }
  }

  private func check(
    _ value: JSONValue, against keywords: JSONSchema.Keywords, at path: Path, into errors: inout [String]
  ) {
    if let name = keywords.ref, let target = schema.definitions[name] {
      check(value, against: target, at: path, into: &errors)
    }
    if let types = keywords.types, !types.contains(where: { Self.has(value, type: $0) }) {
      let expected = types.map(\.rawValue).joined(separator: " or ")
      errors.append("\(path): expected \(expected), got \(Self.typeName(of: value))")
      return  // the other assertions would only repeat the mismatch
    }
    if let constant = keywords.constValue, !Self.equal(value, constant) {
      errors.append("\(path): expected \(Self.render(constant)), got \(Self.render(value))")
    }
    if let values = keywords.enumValues, !values.contains(where: { Self.equal(value, $0) }) {
      let allowed = values.map(Self.render).joined(separator: ", ")
      errors.append("\(path): expected one of \(allowed), got \(Self.render(value))")
    }
    if let number = Self.number(value) {
      if let minimum = keywords.minimum, number < minimum {
        errors.append("\(path): \(Self.render(value)) is less than the minimum \(Self.render(bound: minimum))")
      }
      if let maximum = keywords.maximum, number > maximum {
        errors.append("\(path): \(Self.render(value)) is more than the maximum \(Self.render(bound: maximum))")
      }
    }
    if case .object(let members) = value {
      checkObject(members, against: keywords, at: path, into: &errors)
    }
    if case .array(let elements) = value {
      checkArray(elements, against: keywords, at: path, into: &errors)
    }
    checkCombinations(value, against: keywords, at: path, into: &errors)
  }

  private func checkObject(
    _ members: [String: JSONValue], against keywords: JSONSchema.Keywords, at path: Path,
    into errors: inout [String]
  ) {
    for name in keywords.required where members[name] == nil {
      errors.append("\(path.appending(key: name)): missing (required)")
    }
    for (name, member) in members.sorted(by: { $0.key < $1.key }) {
      if let property = keywords.properties[name] {
        check(member, against: property, at: path.appending(key: name), into: &errors)
      } else if let additional = keywords.additionalProperties {
        check(member, against: additional, at: path.appending(key: name), into: &errors)
      }
    }
  }

  private func checkArray(
    _ elements: [JSONValue], against keywords: JSONSchema.Keywords, at path: Path, into errors: inout [String]
  ) {
    if let minItems = keywords.minItems, elements.count < minItems {
      errors.append("\(path): \(elements.count) elements, expected at least \(minItems)")
    }
    if let maxItems = keywords.maxItems, elements.count > maxItems {
      errors.append("\(path): \(elements.count) elements, expected at most \(maxItems)")
    }
    for (index, element) in elements.enumerated() {
      // `items` applies to the elements after those `prefixItems` describes.
      let node = index < keywords.prefixItems.count ? keywords.prefixItems[index] : keywords.items
      if let node { check(element, against: node, at: path.appending(index: index), into: &errors) }
    }
  }

  private func checkCombinations(
    _ value: JSONValue, against keywords: JSONSchema.Keywords, at path: Path, into errors: inout [String]
  ) {
    for node in keywords.allOf ?? [] {
      check(value, against: node, at: path, into: &errors)
    }
    if let alternatives = keywords.anyOf {
      let failures = alternatives.map { errorsOf(value, against: $0, at: path) }
      if !failures.contains(where: \.isEmpty) {
        errors.append("\(path): matches none of the alternatives \(Self.summary(of: failures))")
      }
    }
    if let alternatives = keywords.oneOf {
      let failures = alternatives.map { errorsOf(value, against: $0, at: path) }
      let matches = failures.filter(\.isEmpty).count
      if matches == 0 {
        errors.append("\(path): matches none of the alternatives \(Self.summary(of: failures))")
      } else if matches > 1 {
        errors.append("\(path): matches \(matches) of the alternatives, but must match exactly one")
      }
    }
  }

  private func errorsOf(_ value: JSONValue, against node: JSONSchema.Node, at path: Path) -> [String] {
    var errors: [String] = []
    check(value, against: node, at: path, into: &errors)
    return errors
  }

  /// What each alternative objected to: its first error, and how many more.
  private static func summary(of failures: [[String]]) -> String {
    let parts = failures.enumerated().map { index, errors in
      let more = errors.count > 1 ? " (+\(errors.count - 1) more)" : ""
      return "\(index + 1)) \(errors.first ?? "?")\(more)"
    }
    return "[" + parts.joined(separator: "; ") + "]"
  }

  // MARK: JSON values

  static func has(_ value: JSONValue, type: JSONSchema.JSONType) -> Bool {
    switch (type, value) {
    case (.null, .null), (.boolean, .bool), (.string, .string), (.array, .array), (.object, .object): return true
    case (.integer, .integer), (.number, .integer), (.number, .double): return true
    case (.integer, .double(let number)): return number.isFinite && number.rounded() == number
    default: return false
    }
  }

  static func typeName(of value: JSONValue) -> String {
    JSONSchema.JSONType.allCases.first { $0 != .number && has(value, type: $0) }?.rawValue ?? "number"
  }

  /// The numeric value of a number, nil for anything else.
  static func number(_ value: JSONValue) -> Double? {
    switch value {
    case .integer(let number): return Double(number)
    case .double(let number): return number
    default: return nil
    }
  }

  /// JSON equality: numbers by value (`1` equals `1.0`), objects whatever their member order.
  static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
    if let left = number(lhs), let right = number(rhs) { return left == right }
    switch (lhs, rhs) {
    case (.array(let left), .array(let right)):
      return left.count == right.count && zip(left, right).allSatisfy { equal($0, $1) }
    case (.object(let left), .object(let right)):
      return left.count == right.count && left.allSatisfy { key, value in right[key].map { equal(value, $0) } ?? false }
    default:
      return lhs == rhs
    }
  }

  /// A short rendering of a value for messages: scalars in full, containers by their size.
  static func render(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let flag): return String(flag)
    case .integer(let number): return String(number)
    case .double(let number): return render(bound: number)
    case .string(let text): return "\"\(text.count > 60 ? text.prefix(60) + "…" : text)\""
    case .array(let elements): return "an array of \(elements.count)"
    case .object(let members): return "an object with \(members.count) members"
    }
  }

  private static func render(bound: Double) -> String {
    bound.rounded() == bound && abs(bound) < 1e15 ? String(Int(bound)) : String(bound)
  }
}
