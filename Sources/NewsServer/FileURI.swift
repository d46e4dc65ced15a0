import LanguageServerProtocol

/// `file://` URIs and the paths they name.
enum FileURI {
  /// The path of a `file://` URI, percent-decoded; nil for other schemes (`untitled:`).
  static func path(of uri: DocumentURI) -> String? {
    guard uri.hasPrefix("file://") else { return nil }
    var rest = Substring(uri.dropFirst("file://".count))
    if !rest.hasPrefix("/"), let slash = rest.firstIndex(of: "/") { rest = rest[slash...] }  // file://host/path
    var bytes: [UInt8] = []
    var iterator = Array(rest.utf8).makeIterator()
    while let byte = iterator.next() {
      if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
        let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
      {
        bytes.append(value)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The `file://` URI of an absolute path, percent-encoding what URIs do not allow in a path.
  static func uri(forPath path: String) -> DocumentURI {
    var result = "file://"
    for byte in path.utf8 {
      let isPlain =
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
        || "/-._~!$&'()*+,;=:@".utf8.contains(byte)
      if isPlain {
        result.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        result += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return result
  }
}
