#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NewsAnalysis

/// An article read from disk for the command line.
struct ArticleFile {
  var path: String
  var text: String
  var article: Article
  var lines: LineTable

  /// Reads and parses `path`; the error is a sentence naming the file.
  static func load(_ path: String) -> Result<ArticleFile, FileError> {
    guard let data = FileManager.default.contents(atPath: path) else {
      var isDirectory = false
      let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      let reason = !exists ? "no such file" : isDirectory ? "it is a directory" : "permission denied"
      return .failure(FileError(message: "cannot read '\(path)': \(reason)"))
    }
    var text = String(decoding: data, as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let article = Article.parse(text, format: ArticleFormat(path: path))
    return .success(ArticleFile(path: path, text: text, article: article, lines: LineTable(text)))
  }

  /// 1-based line and column (in characters) of a UTF-8 offset.
  func location(_ offset: Int) -> (line: Int, column: Int) {
    let position = lines.lineColumn(ofOffset: offset, in: text, unit: .utf32)
    return (position.line + 1, position.column + 1)
  }
}

/// A file that could not be read.
struct FileError: Error {
  var message: String
}
