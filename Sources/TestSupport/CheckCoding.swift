import Foundation
import Testing

/// Encodes `value` and compares the JSON with `json` (keys sorted, slashes unescaped), then decodes
/// `json` back and compares with `value`: a golden round-trip for protocol types.
public func checkCoding<T: Codable & Equatable>(
  _ value: T, json: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  let encoded = String(decoding: try encoder.encode(value), as: UTF8.self)
  let expected = try canonicalJSON(json)
  #expect(encoded == expected, sourceLocation: sourceLocation)
  let decoded = try JSONDecoder().decode(T.self, from: Data(json.utf8))
  #expect(decoded == value, sourceLocation: sourceLocation)
}

/// `json` re-serialised with sorted keys and no spaces, for comparisons.
public func canonicalJSON(_ json: String) throws -> String {
  let object = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
  let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
  return String(decoding: data, as: UTF8.self)
}
