/// The PHONE table of an `.aff` file: Aspell's phonetic code (rules such as `GH(AEIOU)- K` or
/// `TH 0`), which Hunspell uses to find words that sound like a misspelling. `transcribe` follows
/// Hunspell's `phonet` byte for byte: it reads the upper-case word as bytes, rules for the same
/// first letter are tried in the order of the table, `-` leaves letters for the next rule, `<`
/// replaces in place, `^` and `$` anchor to the word's start and end, a digit gives a priority.
struct PhoneticCode: Sendable {
  /// Pattern and replacement of each rule as bytes, then an empty pair that ends the table.
  let rules: [[UInt8]]
  /// The first rule for each first byte (-1: none).
  let firstRule: [Int]

  static let maximumLength = 256 * 4

  init(rules pairs: [(String, String)]) {
    var rules: [[UInt8]] = []
    for (pattern, replacement) in pairs {
      rules.append(Array(pattern.utf8))
      rules.append(Array(replacement.utf8))
    }
    rules.append([])
    rules.append([])
    var first = [Int](repeating: -1, count: 256)
    var index = 0
    while let byte = rules[index].first {
      if first[Int(byte)] < 0 { first[Int(byte)] = index }
      index += 2
    }
    self.rules = rules
    firstRule = first
  }

  /// The phonetic code of `input` (upper case, as bytes).
  func transcribe(_ input: [UInt8]) -> [UInt8] {
    let length = input.count
    if length > Self.maximumLength { return [] }
    // A zero-filled buffer as in Hunspell: reads past the end of the word see zeros.
    var word = [UInt8](repeating: 0, count: Self.maximumLength + 8)
    for index in 0..<min(length, Self.maximumLength) { word[index] = input[index] }
    var target: [UInt8] = []

    @inline(__always) func at(_ rule: [UInt8], _ index: Int) -> UInt8 { index < rule.count ? rule[index] : 0 }
    @inline(__always) func isAlpha(_ byte: UInt8) -> Bool {
      byte >= 128 || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
    @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    @inline(__always) func isSpecial(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: "(") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "^")
        || byte == UInt8(ascii: "$")
    }
    /// C's `strchr(rule + from, byte) != NULL` (the terminator counts for a zero byte).
    @inline(__always) func contains(_ rule: [UInt8], from: Int, _ byte: UInt8) -> Bool {
      if byte == 0 { return true }
      var index = from
      while index < rule.count {
        if rule[index] == byte { return true }
        index += 1
      }
      return false
    }
    /// C's `strmove(word + destination, word + source)`.
    func move(_ word: inout [UInt8], _ destination: Int, _ source: Int) {
      var from = source
      var to = destination
      while word[from] != 0 {
        word[to] = word[from]
        to += 1
        from += 1
      }
      word[to] = 0
    }
    @inline(__always) func signed(_ byte: UInt8) -> Int { Int(Int8(bitPattern: byte)) }

    let dash = Int(UInt8(ascii: "-"))
    var i = 0
    var k = 0
    var p = 0
    var z = 0
    var p0 = -333
    var c = word[0]
    while c != 0 {
      var n = firstRule[Int(c)]
      var z0 = 0
      if n >= 0 && !rules[n].isEmpty {
        while at(rules[n], 0) == c {
          let rule = rules[n]
          k = 1
          p = 5
          var s = 1
          while at(rule, s) != 0 && word[i + k] == at(rule, s) && !isDigit(at(rule, s)) && !isSpecial(at(rule, s)) {
            k += 1
            s += 1
          }
          if at(rule, s) == UInt8(ascii: "(") {
            if isAlpha(word[i + k]) && contains(rule, from: s + 1, word[i + k]) {
              k += 1
              while at(rule, s) != 0 && at(rule, s) != UInt8(ascii: ")") { s += 1 }
              if at(rule, s) == UInt8(ascii: ")") { s += 1 }
            }
          }
          p0 = signed(at(rule, s))
          var k0 = k
          while at(rule, s) == UInt8(ascii: "-") && k > 1 {
            k -= 1
            s += 1
          }
          if at(rule, s) == UInt8(ascii: "<") { s += 1 }
          if isDigit(at(rule, s)) {
            p = Int(at(rule, s)) - 0x30
            s += 1
          }
          if at(rule, s) == UInt8(ascii: "^") && at(rule, s + 1) == UInt8(ascii: "^") { s += 1 }

          let atStart = at(rule, s) == UInt8(ascii: "^") && (i == 0 || !isAlpha(word[i - 1]))
            && (at(rule, s + 1) != UInt8(ascii: "$") || !isAlpha(word[i + k0]))
          let atEnd = at(rule, s) == UInt8(ascii: "$") && i > 0 && isAlpha(word[i - 1]) && !isAlpha(word[i + k0])
          if at(rule, s) == 0 || atStart || atEnd {
            // A follow-up rule for the letters after this match may take precedence.
            let c0 = word[i + k - 1]
            var n0 = firstRule[Int(c0)]
            if k > 1 && n0 >= 0 && p0 != dash && word[i + k] != 0 && !rules[n0].isEmpty {
              while at(rules[n0], 0) == c0 {
                let followUp = rules[n0]
                k0 = k
                p0 = 5
                s = 1
                while at(followUp, s) != 0 && word[i + k0] == at(followUp, s) && !isDigit(at(followUp, s))
                  && !isSpecial(at(followUp, s))
                {
                  k0 += 1
                  s += 1
                }
                if at(followUp, s) == UInt8(ascii: "(") {
                  if isAlpha(word[i + k0]) && contains(followUp, from: s + 1, word[i + k0]) {
                    k0 += 1
                    while at(followUp, s) != UInt8(ascii: ")") && at(followUp, s) != 0 { s += 1 }
                    if at(followUp, s) == UInt8(ascii: ")") { s += 1 }
                  }
                }
                while at(followUp, s) == UInt8(ascii: "-") { s += 1 }
                if at(followUp, s) == UInt8(ascii: "<") { s += 1 }
                if isDigit(at(followUp, s)) {
                  p0 = Int(at(followUp, s)) - 0x30
                  s += 1
                }
                if at(followUp, s) == 0 || (at(followUp, s) == UInt8(ascii: "$") && !isAlpha(word[i + k0])) {
                  if k0 == k || p0 < p {
                    // Just a piece of this match, or a lower priority.
                    n0 += 2
                    continue
                  }
                  break
                }
                n0 += 2
              }
              if p0 >= p && at(rules[n0], 0) == c0 {
                n += 2
                continue
              }
            }

            // Replace.
            let replacement = rules[n + 1]
            s = 0
            p0 = rule.count > 1 && rule[1...].contains(UInt8(ascii: "<")) ? 1 : 0
            if p0 == 1 && z == 0 {
              // A `<` rule: the replacement goes back into the word.
              if let last = target.last, at(replacement, s) != 0, last == c || last == at(replacement, s) {
                target.removeLast()
              }
              z0 = 1
              z = 1
              k0 = 0
              while at(replacement, s) != 0 && word[i + k0] != 0 {
                word[i + k0] = at(replacement, s)
                k0 += 1
                s += 1
              }
              if k > k0 { move(&word, i + k0, i + k) }
              c = word[i]
            } else {
              i += k - 1
              z = 0
              while at(replacement, s) != 0 && at(replacement, s + 1) != 0 && target.count < length {
                if target.last != at(replacement, s) { target.append(at(replacement, s)) }
                s += 1
              }
              c = at(replacement, s)
              if rule.count > 1 && rule[1...].containsSequence([UInt8(ascii: "^"), UInt8(ascii: "^")]) {
                if c != 0 { target.append(c) }
                move(&word, 0, i + 1)
                i = 0
                z0 = 1
              }
            }
            break
          }
          n += 2
        }
      }
      if z0 == 0 {
        if k != 0 && p0 == 0 && target.count < length && c != 0 {
          // Only double letters are condensed.
          target.append(c)
        }
        i += 1
        z = 0
        k = 0
      }
      c = word[i]
    }
    return target
  }
}
