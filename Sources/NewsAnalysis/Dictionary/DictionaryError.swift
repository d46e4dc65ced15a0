/// Why a Hunspell dictionary could not be loaded: a message for people, naming the file and the
/// line when they are known.
public struct DictionaryError: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
