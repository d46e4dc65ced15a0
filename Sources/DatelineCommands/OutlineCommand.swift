import NewsAnalysis

/// `dateline outline FILE...`: the headline and sections of each article, as an indented tree.
enum OutlineCommand {
  static func run(files: [String], format: OutputFormat) -> Int32 {
    var outputs: [OutlineOutput.File] = []
    var unreadable = false
    for path in ArticlePaths.expand(files) {
      switch ArticleFile.load(path) {
      case .failure(let error):
        writeStderr("dateline: \(error.message)\n")
        unreadable = true
      case .success(let file):
        let nodes = file.article.outline.map { json($0, in: file) }
        outputs.append(OutlineOutput.File(path: file.path, kicker: file.article.kicker?.text, outline: nodes))
        if format == .text {
          if files.count > 1 || files != [path] { writeStdout("\(path)\n") }
          if let kicker = file.article.kicker { writeStdout("kicker: \(kicker.text)\n") }
          for node in nodes { printTree(node, depth: 0) }
        }
      }
    }
    if format == .json { writeStdout(encodeJSON(OutlineOutput(files: outputs)) + "\n") }
    return unreadable ? 2 : 0
  }

  private static func printTree(_ node: OutlineOutput.Node, depth: Int) {
    let indent = String(repeating: "  ", count: depth)
    let words = node.wordCount == 1 ? "1 word" : "\(node.wordCount) words"
    writeStdout("\(indent)\(node.title)  (line \(node.line), \(words))\n")
    for child in node.children { printTree(child, depth: depth + 1) }
  }

  private static func json(_ node: OutlineNode, in file: ArticleFile) -> OutlineOutput.Node {
    let start = file.location(node.titleRange.lowerBound)
    return OutlineOutput.Node(
      kind: node.kind.rawValue, title: node.title, line: start.line, column: start.column, wordCount: node.wordCount,
      children: node.children.map { json($0, in: file) })
  }
}

/// The `--format json` document of `dateline outline`.
struct OutlineOutput: Encodable {
  var files: [File]

  /// A file's outline.
  struct File: Encodable {
    var path: String
    var kicker: String?
    var outline: [Node]
  }

  /// A headline or section; line and column of its title, from 1.
  struct Node: Encodable {
    var kind: String
    var title: String
    var line: Int
    var column: Int
    var wordCount: Int
    var children: [Node]
  }
}
