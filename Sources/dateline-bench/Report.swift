import Foundation

/// One reported number: what was measured, its value and unit, on what input, over how many runs.
struct Figure: Codable {
  var benchmark: String
  /// What the value is: `median`, `p90`, `in-process messages/s`, …
  var metric: String
  var value: Double
  var unit: String
  /// The input measured, for people: "20,000 didChange messages, 21.5 MB".
  var input: String
  var runs: Int
  /// A remark such as a budget, or nil.
  var note: String? = nil
}

/// Prints figures for people (a table) or for programs (`--json`).
enum Report {
  /// The header and the table, as text.
  static func table(_ figures: [Figure], machine: MachineFacts) -> String {
    var text = machine.header() + "\n"
    let rows = figures.map { figure in
      [figure.benchmark, figure.metric, format(figure.value, unit: figure.unit), figure.unit, figure.input,
       String(figure.runs), figure.note ?? ""]
    }
    let titles = ["benchmark", "figure", "value", "unit", "input", "runs", "note"]
    var widths = titles.map(\.count)
    for row in rows {
      for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
    }
    /// Numbers are right-aligned, words left-aligned.
    let rightAligned: Set<Int> = [2, 5]
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { column, cell in
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        return rightAligned.contains(column) ? padding + cell : cell + padding
      }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }
    text += line(titles) + "\n"
    text += line(widths.map { String(repeating: "-", count: $0) }) + "\n"
    for row in rows { text += line(row) + "\n" }
    return text
  }

  /// The machine facts and the figures as one JSON document.
  static func json(_ figures: [Figure], machine: MachineFacts) throws -> String {
    struct Document: Encodable {
      var machine: MachineFacts
      var figures: [Figure]
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(Document(machine: machine, figures: figures))
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// A value with as many decimals as its unit deserves, thousands grouped with commas.
  static func format(_ value: Double, unit: String) -> String {
    switch unit {
    case "ms": return String(format: "%.2f", value)
    case "MB/s": return String(format: "%.1f", value)
    default: return grouped(Int(value.rounded()))
    }
  }

  /// An integer with commas between groups of three digits: 123,456.
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return value < 0 ? "-" + result : result
  }

  /// A byte count for people, in decimal units: "21.5 MB", "980 B".
  static func bytes(_ count: Int) -> String {
    if count >= 1_000_000 { return String(format: "%.1f MB", Double(count) / 1_000_000) }
    if count >= 1_000 { return String(format: "%.1f KB", Double(count) / 1_000) }
    return "\(count) B"
  }
}
