/// Dateline's re-ranking of Hunspell's suggestions, for journalists.
extension HunspellSuggester {
  func ranked(_ suggestions: [[UInt8]], for word: [UInt8]) -> [[UInt8]] {
    suggestions
  }
}
