/// Words a newsroom or a journalist added (workspace dictionary, `words` setting), accepted the way
/// Hunspell accepts its own entries: a lower-case entry also accepts its capitalised and all-caps
/// forms; an entry with capitals accepts itself and its all-caps form.
public struct UserWords: Sendable, Equatable {
  private var exact: Set<String> = []
  private var lowercase: Set<String> = []

  public init(_ words: some Sequence<String>) {
    for word in words { insert(word) }
  }

  public mutating func insert(_ word: String) {
    let trimmed = String(word.trimmingSpaces)
    guard !trimmed.isEmpty else { return }
    exact.insert(trimmed)
    if trimmed == trimmed.lowercased() { lowercase.insert(trimmed) }
  }

  public var isEmpty: Bool { exact.isEmpty }

  public func accepts(_ word: String) -> Bool {
    if exact.contains(word) { return true }
    let lowered = word.lowercased()
    if lowercase.contains(lowered) { return true }
    // ALL CAPS of an entry with capitals (Loukachenko → LOUKACHENKO).
    if word == word.uppercased() { return exact.contains { $0.uppercased() == word } }
    return false
  }
}
