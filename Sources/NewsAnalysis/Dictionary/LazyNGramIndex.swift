import Synchronization

/// The n-gram index of a word table (`HunspellSuggester.ngramIndex`): its entries in Hunspell's
/// walk order, with their n-gram keys and pair masks.
struct NGramIndex: Sendable {
  let order: [Int32]
  let keys: [UInt64]
  let pairs: [UInt64]
}

/// An `NGramIndex` made the first time a suggestion needs it, once, whichever thread asks first:
/// loading a dictionary does not wait for what only misspellings use.
final class LazyNGramIndex: Sendable {
  private let index = Mutex<NGramIndex?>(nil)
  private let make: @Sendable () -> NGramIndex

  init(_ make: @escaping @Sendable () -> NGramIndex) {
    self.make = make
  }

  /// The index, made now if no one asked before (other askers wait for it).
  var value: NGramIndex {
    index.withLock { index in
      if let made = index { return made }
      let made = make()
      index = made
      return made
    }
  }
}
