/// How serious a finding is, from most to least.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
  case error, warning, information, hint

  private var rank: Int {
    switch self {
    case .error: return 3
    case .warning: return 2
    case .information: return 1
    case .hint: return 0
    }
  }

  /// Less serious is smaller: `.hint < .error`.
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Something a check found in an article: where, how serious, what to say, and the replacements
/// that would fix it.
public struct Finding: Hashable, Sendable {
  /// The rule id (`spelling`, `annotation-syntax`…), stable across versions.
  public var rule: String
  public var severity: Severity
  /// UTF-8 offsets into the article's text.
  public var range: Range<Int>
  public var message: String
  /// Texts that could replace `range`, best first.
  public var replacements: [String]
  /// What applying the first replacement does, when "Replace with '…'" would not say it (spaces
  /// one cannot see): "Add a no-break space before ':'".
  public var fixTitle: String?

  public init(
    rule: String, severity: Severity, range: Range<Int>, message: String, replacements: [String] = [],
    fixTitle: String? = nil
  ) {
    self.rule = rule
    self.severity = severity
    self.range = range
    self.message = message
    self.replacements = replacements
    self.fixTitle = fixTitle
  }
}

extension Finding {
  /// The same finding, its range moved by `offset`.
  func shifted(by offset: Int) -> Finding {
    var copy = self
    copy.range = range.shifted(by: offset)
    return copy
  }
}

extension Article {
  /// The problems of the markup itself, as error findings.
  public var markupFindings: [Finding] {
    problems.map { Finding(rule: $0.rule, severity: .error, range: $0.range, message: $0.message) }
  }
}
