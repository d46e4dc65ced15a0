/// A word, number or punctuation mark of the prose, with its UTF-8 range.
public struct Token: Hashable, Sendable {
  /// What the token is.
  public enum Kind: UInt8, Hashable, Sendable {
    /// Letters, possibly joined by hyphens, apostrophes or inner dots (`porte-parole`, `aujourd'hui`,
    /// `U.S`), possibly with digits (`A64`, `COVID-19`); or a French elision (`l'`, `qu'`).
    case word
    /// Digits with their separators: `1 200`, `3,5`, `1,200.50`.
    case number
    /// Anything else that is not a space: one scalar each.
    case punctuation
  }

  /// Facts about a word's letters, gathered while scanning.
  public struct Shape: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let hasDigit = Shape(rawValue: 1 << 0)
    public static let startsUppercase = Shape(rawValue: 1 << 1)
    /// Every letter is uppercase (and there are at least two: `OTAN`, not `A`).
    public static let allUppercase = Shape(rawValue: 1 << 2)
    /// Some letter after the first is uppercase (`laRussie`, `iPhone`, `McDonald`).
    public static let innerUppercase = Shape(rawValue: 1 << 3)
    public static let hasHyphen = Shape(rawValue: 1 << 4)
    public static let hasApostrophe = Shape(rawValue: 1 << 5)
    public static let hasDot = Shape(rawValue: 1 << 6)
    /// A French elided word with its apostrophe, cut from the word it leans on: `l'` of `l'Ukraine`,
    /// `qu'` of `qu'il`, `jusqu'` of `jusqu'à`.
    public static let elision = Shape(rawValue: 1 << 7)
  }

  public var kind: Kind
  public var shape: Shape
  public var range: Range<Int>

  /// Whether the token counts in a word count: words and numbers, but not an elision, which belongs
  /// to the word after it (`l'Ukraine` is one word, as editors count it).
  public var countsAsWord: Bool { kind != .punctuation && !shape.contains(.elision) }

  public init(kind: Kind, shape: Shape = [], range: Range<Int>) {
    self.kind = kind
    self.shape = shape
    self.range = range
  }
}
