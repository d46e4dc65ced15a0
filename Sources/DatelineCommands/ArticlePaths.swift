#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Expands the paths given on the command line: a folder stands for the articles inside it.
enum ArticlePaths {
  static let articleExtensions: Set<String> = ["news", "md", "markdown", "txt"]
  /// Files in folders that are documentation, not articles.
  static let skippedNames = ["readme", "license", "licence", "changelog", "contributing", "copying"]

  /// `paths` with every folder replaced by its article files (recursively, sorted); files are kept
  /// as given, whatever their extension.
  static func expand(_ paths: [String]) -> [String] {
    paths.flatMap { path -> [String] in
      var isDirectory = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory else { return [path] }
      let base = path.hasSuffix("/") ? String(path.dropLast()) : path
      let entries = (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []
      return entries.filter(isArticle).sorted().map { "\(base)/\($0)" }
    }
  }

  private static func isArticle(_ relativePath: String) -> Bool {
    let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
    guard !name.hasPrefix("."), let dot = name.lastIndex(of: ".") else { return false }
    let stem = name[..<dot].lowercased()
    let fileExtension = name[name.index(after: dot)...].lowercased()
    return articleExtensions.contains(fileExtension) && !skippedNames.contains(stem)
      && !relativePath.split(separator: "/").contains { $0.hasPrefix(".") }
  }
}
