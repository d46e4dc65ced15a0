import JSONRPC

/// How serious a diagnostic is; LSP's closed set 1…4.
public enum DiagnosticSeverity: Int, Codable, Hashable, Sendable {
  case error = 1
  case warning = 2
  case information = 3
  case hint = 4
}

/// Extra marks on a diagnostic; clients render them (faded, struck out).
public enum DiagnosticTag: Int, Codable, Hashable, Sendable {
  case unnecessary = 1
  case deprecated = 2
}

/// A link to the description of a diagnostic's rule.
public struct CodeDescription: Codable, Hashable, Sendable {
  public var href: String
  public init(href: String) { self.href = href }
}

/// A related place that explains a diagnostic.
public struct DiagnosticRelatedInformation: Codable, Hashable, Sendable {
  public var location: Location
  public var message: String

  public init(location: Location, message: String) {
    self.location = location
    self.message = message
  }
}

/// A finding shown in the editor.
public struct Diagnostic: Codable, Hashable, Sendable {
  public var range: LSPRange
  public var severity: DiagnosticSeverity?
  /// The rule id (`spelling`, `repeated-word`, …).
  public var code: String?
  public var codeDescription: CodeDescription?
  public var source: String?
  public var message: String
  public var tags: [DiagnosticTag]?
  public var relatedInformation: [DiagnosticRelatedInformation]?
  /// Kept by clients and sent back in code action requests; Dateline does not rely on it.
  public var data: JSONValue?

  public init(
    range: LSPRange, severity: DiagnosticSeverity?, code: String?, source: String?, message: String,
    codeDescription: CodeDescription? = nil, tags: [DiagnosticTag]? = nil,
    relatedInformation: [DiagnosticRelatedInformation]? = nil, data: JSONValue? = nil
  ) {
    self.range = range
    self.severity = severity
    self.code = code
    self.codeDescription = codeDescription
    self.source = source
    self.message = message
    self.tags = tags
    self.relatedInformation = relatedInformation
    self.data = data
  }

  enum CodingKeys: String, CodingKey {
    case range, severity, code, codeDescription, source, message, tags, relatedInformation, data
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    range = try container.decode(LSPRange.self, forKey: .range)
    severity = try container.decodeIfPresent(DiagnosticSeverity.self, forKey: .severity)
    // `code` is `integer | string` in LSP; a number from another server is kept as text.
    if let text = try? container.decodeIfPresent(String.self, forKey: .code) {
      code = text
    } else if let number = try? container.decodeIfPresent(Int.self, forKey: .code) {
      code = String(number)
    } else {
      code = nil
    }
    codeDescription = try container.decodeIfPresent(CodeDescription.self, forKey: .codeDescription)
    source = try container.decodeIfPresent(String.self, forKey: .source)
    message = try container.decode(String.self, forKey: .message)
    tags = try container.decodeIfPresent([DiagnosticTag].self, forKey: .tags)
    relatedInformation = try container.decodeIfPresent(
      [DiagnosticRelatedInformation].self, forKey: .relatedInformation)
    data = try container.decodeIfPresent(JSONValue.self, forKey: .data)
  }
}
