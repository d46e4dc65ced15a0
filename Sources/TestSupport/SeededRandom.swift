#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A small seeded generator (SplitMix64) for reproducible property tests: the same seed gives the
/// same sequence on every platform, which Foundation's and the standard library's randomness do not.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  public private(set) var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound` (bound > 0).
  public mutating func below(_ bound: Int) -> Int {
    Int(next() % UInt64(bound))
  }

  /// True with probability `percent`/100.
  public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

  /// One element of a non-empty collection.
  public mutating func pick<C: Collection>(_ elements: C) -> C.Element {
    elements[elements.index(elements.startIndex, offsetBy: below(elements.count))]
  }

  /// A seed from the environment variable `name` when set (to replay a failure), else `fallback`.
  public static func seed(fromEnvironment name: String, default fallback: UInt64) -> UInt64 {
    guard let pointer = getenv(name), let value = UInt64(String(cString: pointer)) else { return fallback }
    return value
  }
}

/// Text with line breaks and everything outside printable ASCII made visible, for failure messages:
/// `"e\u{301}\r\n🔵"` becomes `e<U+0301>\r\n<U+1F535>`.
public func visible(_ text: String) -> String {
  var result = ""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\r": result += "\\r"
    case "\n": result += "\\n"
    case "\\": result += "\\\\"
    case " "..."~": result.unicodeScalars.append(scalar)
    default: result += "<U+\(String(scalar.value, radix: 16, uppercase: true))>"
    }
  }
  return result
}
