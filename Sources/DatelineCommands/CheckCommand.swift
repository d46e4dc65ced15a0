#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NewsAnalysis

/// `dateline check FILE...`: the findings of each article, like a compiler's diagnostics.
enum CheckCommand {
  static func run(files: [String], format: OutputFormat, failOn: Severity?) -> Int32 {
    var reports: [FileReport] = []
    var unreadable = false
    var failed = false
    let checks = CheckSetupCache()
    let paths = ArticlePaths.expand(files)
    if let first = paths.first { checks.prepare(forFile: first) }
    for path in paths {
      switch ArticleFile.load(path) {
      case .failure(let error):
        writeStderr("dateline: \(error.message)\n")
        unreadable = true
      case .success(let file):
        let setup = checks.setup(forFile: path, declaredLanguage: file.article.declaredLanguage)
        let findings = ArticleChecker(setup: setup).findings(for: file.article)
        if let failOn, findings.contains(where: { $0.severity >= failOn }) { failed = true }
        reports.append(FileReport(file: file, findings: findings))
      }
    }
    switch format {
    case .text:
      for report in reports {
        for finding in report.findings {
          let start = report.file.location(finding.range.lowerBound)
          writeStdout("\(report.file.path):\(start.line):\(start.column): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]\n")
        }
      }
    case .json:
      writeStdout(encodeJSON(CheckOutput(files: reports.map(\.json))) + "\n")
    }
    if unreadable { return 2 }
    return failed ? 1 : 0
  }

  /// One file's findings.
  struct FileReport {
    var file: ArticleFile
    var findings: [Finding]

    var json: CheckOutput.File {
      CheckOutput.File(
        path: file.path,
        findings: findings.map { finding in
          let start = file.location(finding.range.lowerBound)
          let end = file.location(finding.range.upperBound)
          return CheckOutput.Finding(
            rule: finding.rule, severity: finding.severity.rawValue, message: finding.message,
            line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
            text: file.article.text(of: finding.range), replacements: finding.replacements)
        })
    }
  }
}

/// The `--format json` document of `dateline check`.
struct CheckOutput: Encodable {
  var files: [File]

  /// A file and its findings.
  struct File: Encodable {
    var path: String
    var findings: [Finding]
  }

  /// A finding; lines and columns count from 1, columns in characters, the end exclusive.
  struct Finding: Encodable {
    var rule: String
    var severity: String
    var message: String
    var line: Int
    var column: Int
    var endLine: Int
    var endColumn: Int
    var text: String
    var replacements: [String]
  }
}

func encodeJSON(_ value: some Encodable) -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  guard let data = try? encoder.encode(value) else { return "{}" }
  return String(decoding: data, as: UTF8.self)
}
