/// The word forms of a Hunspell dictionary: each entry of the `.dic` with the prefixes and suffixes its
/// flags allow, as Debian's `unmunch` does, for making test word lists. `unmunch` itself cannot read
/// `FLAG long` (French), so this is a small expander of its own: one or two suffixes, a prefix, both
/// when the affixes allow the cross product, continuation classes, `NEEDAFFIX`, `CIRCUMFIX`,
/// `FORBIDDENWORD`, `ONLYINCOMPOUND`; no compounds. It is approximate: the tests that use its forms
/// ask the `hunspell` command which ones are words.
public struct HunspellWordForms: Sendable {
  /// A flag as written in the `.aff`, whatever the `FLAG` type: `S`, `L'`, `123`.
  typealias Flag = String

  /// One line of a `PFX` or `SFX` group.
  struct Rule: Sendable {
    var strip: [Unicode.Scalar]
    var add: [Unicode.Scalar]
    var continuation: Set<Flag>
    /// The condition, one element a character: nil for `.`, else the set and whether it is negated.
    var condition: [(set: Set<Unicode.Scalar>, negated: Bool)?]
  }

  struct AffixGroup: Sendable {
    var crossProduct: Bool
    var rules: [Rule]
    /// The rules that can apply to a word by its boundary character (its last for a suffix, its first
    /// for a prefix), and those that can apply whatever it is: a French verb class has 190 rules and
    /// an elision prefix 34, so trying them all makes the expansion slow.
    private var byBoundary: [Unicode.Scalar: [Int]] = [:]
    private var anyBoundary: [Int] = []

    init(crossProduct: Bool, rules: [Rule], isSuffix: Bool) {
      self.crossProduct = crossProduct
      self.rules = rules
      var specific: [Unicode.Scalar: [Int]] = [:]
      for (index, rule) in rules.enumerated() {
        let element = isSuffix ? rule.condition.last : rule.condition.first
        if let element, let set = element, !set.negated {
          for scalar in set.set { specific[scalar, default: []].append(index) }
        } else if let boundary = isSuffix ? rule.strip.last : rule.strip.first {
          specific[boundary, default: []].append(index)
        } else {
          anyBoundary.append(index)
        }
      }
      byBoundary = specific.mapValues { ($0 + anyBoundary).sorted() }
    }

    /// The indices of the rules that may apply to a word with this boundary character, in order.
    func candidates(_ boundary: Unicode.Scalar?) -> [Int] {
      boundary.flatMap { byBoundary[$0] } ?? anyBoundary
    }
  }

  /// A `.dic` entry: the word and its flags as written (read into flags when the entry is expanded).
  public struct Entry: Sendable {
    public var word: String
    var flagText: Substring
  }

  var prefixes: [Flag: AffixGroup] = [:]
  var suffixes: [Flag: AffixGroup] = [:]
  var needAffix: Flag?
  var circumfix: Flag?
  var forbidden: Flag?
  var onlyInCompound: Flag?
  private var flagType = "char"
  private var aliases: [Set<Flag>] = []
  /// The characters of `TRY`, most frequent first: the alphabet for made-up typos.
  public private(set) var tryCharacters: [Unicode.Scalar] = []
  /// The characters that Hunspell's tokenizer takes as part of a word besides letters.
  public private(set) var wordCharacters: Set<Unicode.Scalar> = []
  /// The entries of the `.dic`, in order.
  public private(set) var entries: [Entry] = []

  /// Reads a UTF-8 `.aff` and `.dic`.
  public init(affix: [UInt8], dictionary: [UInt8]) {
    parseAffix(String(decoding: affix, as: UTF8.self))
    parseDictionary(String(decoding: dictionary, as: UTF8.self))
  }

  // MARK: Reading

  private mutating func parseAffix(_ text: String) {
    var lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })[...]
    // Headers first (FLAG changes how later lines read).
    for line in lines {
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard fields.count >= 2 else { continue }
      switch fields[0] {
      case "FLAG": flagType = String(fields[1])
      case "TRY": tryCharacters = Array(fields[1].unicodeScalars)
      case "WORDCHARS": wordCharacters = Set(fields[1].unicodeScalars)
      default: break
      }
    }
    while let line = lines.popFirst() {
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      guard fields.count >= 2 else { continue }
      switch fields[0] {
      case "NEEDAFFIX", "PSEUDOROOT": needAffix = flags(fields[1]).first
      case "CIRCUMFIX": circumfix = flags(fields[1]).first
      case "FORBIDDENWORD": forbidden = flags(fields[1]).first
      case "ONLYINCOMPOUND": onlyInCompound = flags(fields[1]).first
      case "AF" where fields.count == 2 && Int(fields[1]) != nil:
        for _ in 0..<Int(fields[1])! {
          guard let aliasLine = lines.popFirst() else { break }
          let aliasFields = aliasLine.split(whereSeparator: { $0 == " " || $0 == "\t" })
          aliases.append(aliasFields.count >= 2 ? flags(String(aliasFields[1])) : [])
        }
      case "PFX", "SFX":
        guard fields.count >= 4, fields[2] == "Y" || fields[2] == "N", let count = Int(fields[3]) else { continue }
        let flag = flags(fields[1]).first ?? fields[1]
        var rules: [Rule] = []
        for _ in 0..<count {
          guard let ruleLine = lines.first else { break }
          let ruleFields = ruleLine.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
          guard ruleFields.count >= 4, ruleFields[0] == fields[0] else { break }
          lines.removeFirst()
          rules.append(rule(ruleFields))
        }
        let group = AffixGroup(crossProduct: fields[2] == "Y", rules: rules, isSuffix: fields[0] == "SFX")
        if fields[0] == "PFX" { prefixes[flag] = group } else { suffixes[flag] = group }
      default: break
      }
    }
  }

  private func rule(_ fields: [String]) -> Rule {
    let strip = fields[2] == "0" ? [] : Array(fields[2].unicodeScalars)
    var add = fields[3]
    var continuation: Set<Flag> = []
    if let slash = add.firstIndex(of: "/") {
      continuation = flags(String(add[add.index(after: slash)...]))
      add = String(add[..<slash])
    }
    let condition = fields.count > 4 ? Self.condition(fields[4]) : []
    return Rule(strip: strip, add: add == "0" ? [] : Array(add.unicodeScalars), continuation: continuation, condition: condition)
  }

  private static func condition(_ text: String) -> [(set: Set<Unicode.Scalar>, negated: Bool)?] {
    if text == "." { return [] }
    var result: [(set: Set<Unicode.Scalar>, negated: Bool)?] = []
    var scalars = text.unicodeScalars[...]
    while let scalar = scalars.popFirst() {
      switch scalar {
      case ".": result.append(nil)
      case "[":
        var negated = false
        if scalars.first == "^" {
          negated = true
          scalars.removeFirst()
        }
        var set: Set<Unicode.Scalar> = []
        while let member = scalars.popFirst(), member != "]" { set.insert(member) }
        result.append((set, negated))
      default: result.append(([scalar], false))
      }
    }
    return result
  }

  /// The flags in a flags field, per the `FLAG` type; a number is an `AF` alias when aliases exist.
  private func flags(_ text: String) -> Set<Flag> {
    if !aliases.isEmpty, let index = Int(text), index >= 1, index <= aliases.count { return aliases[index - 1] }
    switch flagType {
    case "long":
      // Two bytes a flag, as Hunspell reads them.
      let bytes = Array(text.utf8)
      return Set(stride(from: 0, to: bytes.count - 1, by: 2).map { String(decoding: bytes[$0...($0 + 1)], as: UTF8.self) })
    case "num": return Set(text.split(separator: ",").map(String.init))
    case "UTF-8": return Set(text.unicodeScalars.map { String($0) })
    default: return Set(text.utf8.map { String(decoding: [$0], as: UTF8.self) })
    }
  }

  private mutating func parseDictionary(_ text: String) {
    var first = true
    for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      if first {
        first = false
        continue
      }
      // word[/flags][ morphology]; `\/` is a slash in the word. Byte offsets: Character iteration
      // over 84,000 lines is slow in a debug build.
      let bytes = line.utf8
      var slash: Substring.UTF8View.Index?
      var end = bytes.endIndex
      var escaped = false
      var index = bytes.startIndex
      while index < bytes.endIndex {
        let byte = bytes[index]
        if (byte == 0x20 || byte == 0x09) && index != bytes.startIndex {
          end = index
          break
        }
        if slash == nil && !escaped && byte == 0x2F && index != bytes.startIndex { slash = index }
        escaped = byte == 0x5C && !escaped
        index = bytes.index(after: index)
      }
      var word = String(line[line.startIndex..<(slash ?? end)])
      if word.contains("\\") { word = word.replacingOccurrences(of: "\\/", with: "/") }
      guard !word.isEmpty else { continue }
      let flagText = slash.map { line[bytes.index(after: $0)..<end] } ?? ""
      entries.append(Entry(word: word, flagText: flagText))
    }
  }

  // MARK: Expanding

  /// The forms of `entry` that Hunspell should accept, the entry's own word first when it stands alone.
  public func forms(of entry: Entry) -> [String] {
    let flags = entry.flagText.isEmpty ? [] : self.flags(String(entry.flagText))
    if let forbidden, flags.contains(forbidden) { return [] }
    if let onlyInCompound, flags.contains(onlyInCompound) { return [] }
    let root = Array(entry.word.unicodeScalars)
    var result: [[Unicode.Scalar]] = []
    if !needs(flags) { result.append(root) }

    // Suffixes, a second suffix, and a prefix with them.
    for flag in flags.sorted() {
      guard let group = suffixes[flag] else { continue }
      for rule in group.candidates(root.last).map({ group.rules[$0] }) where Self.matchesSuffix(rule, root) {
        let suffixed = Self.applySuffix(rule, root)
        if !needs(rule.continuation) { result.append(suffixed) }
        for second in rule.continuation.sorted() {
          guard let secondGroup = suffixes[second] else { continue }
          for secondRule in secondGroup.candidates(suffixed.last).map({ secondGroup.rules[$0] }) where Self.matchesSuffix(secondRule, suffixed) {
            if !needs(secondRule.continuation.subtracting(circumfix.map { [$0] } ?? [])) {
              result.append(Self.applySuffix(secondRule, suffixed))
            }
          }
        }
        guard group.crossProduct else { continue }
        for prefixFlag in flags.union(rule.continuation).sorted() {
          guard let prefixGroup = prefixes[prefixFlag], prefixGroup.crossProduct else { continue }
          for prefixRule in prefixGroup.candidates(suffixed.first).map({ prefixGroup.rules[$0] }) where Self.matchesPrefix(prefixRule, suffixed) {
            if circumfixes(rule) != circumfixes(prefixRule) { continue }
            result.append(Self.applyPrefix(prefixRule, suffixed))
          }
        }
      }
    }
    // Prefixes alone, and with the suffixes their continuation allows.
    for flag in flags.sorted() {
      guard let group = prefixes[flag] else { continue }
      for rule in group.candidates(root.first).map({ group.rules[$0] }) where Self.matchesPrefix(rule, root) {
        if !needs(rule.continuation) { result.append(Self.applyPrefix(rule, root)) }
        guard group.crossProduct else { continue }
        for suffixFlag in rule.continuation.sorted() {
          guard let suffixGroup = suffixes[suffixFlag], suffixGroup.crossProduct else { continue }
          for suffixRule in suffixGroup.candidates(root.last).map({ suffixGroup.rules[$0] }) where Self.matchesSuffix(suffixRule, root) {
            if circumfixes(rule) != circumfixes(suffixRule) { continue }
            result.append(Self.applyPrefix(rule, Self.applySuffix(suffixRule, root)))
          }
        }
      }
    }
    var seen: Set<String> = []
    return result.map { String(String.UnicodeScalarView($0)) }.filter { !$0.isEmpty && seen.insert($0).inserted }
  }

  /// Up to `count` distinct forms of `entry` picked at random, each by a random walk through its affix
  /// rules (a suffix, maybe a second one, maybe a prefix, or a prefix alone, with the same rules as
  /// `forms(of:)`): far quicker than expanding every form of entries with hundreds of them.
  public func randomForms(of entry: Entry, count: Int, random: inout SplitMix64) -> [String] {
    let flags = entry.flagText.isEmpty ? [] : self.flags(String(entry.flagText))
    if let forbidden, flags.contains(forbidden) { return [] }
    if let onlyInCompound, flags.contains(onlyInCompound) { return [] }
    let root = Array(entry.word.unicodeScalars)
    let suffixFlags = flags.sorted().filter { suffixes[$0] != nil }
    let prefixFlags = flags.sorted().filter { prefixes[$0] != nil }
    var result: [String] = []
    var seen: Set<String> = []
    for _ in 0..<(count * 4) where result.count < count {
      let roll = random.below(10)
      var form: [Unicode.Scalar]?
      if roll == 0 || (suffixFlags.isEmpty && prefixFlags.isEmpty) {
        form = needs(flags) ? nil : root
      } else if roll <= 7 && !suffixFlags.isEmpty || prefixFlags.isEmpty {
        form = randomSuffixed(root, flags: flags, suffixFlags: suffixFlags, random: &random)
      } else {
        form = randomPrefixed(root, prefixFlags: prefixFlags, random: &random)
      }
      guard let form, !form.isEmpty else { continue }
      let text = String(String.UnicodeScalarView(form))
      if seen.insert(text).inserted { result.append(text) }
    }
    return result
  }

  private func randomSuffixed(
    _ root: [Unicode.Scalar], flags: Set<Flag>, suffixFlags: [Flag], random: inout SplitMix64
  ) -> [Unicode.Scalar]? {
    let group = suffixes[random.pick(suffixFlags)]!
    guard let rule = Self.pick(group, group.candidates(root.last), &random, { Self.matchesSuffix($0, root) }) else { return nil }
    let suffixed = Self.applySuffix(rule, root)
    switch random.below(3) {
    case 0:
      // A second suffix from the first one's continuation.
      let seconds = rule.continuation.sorted().compactMap { suffixes[$0] }
      guard !seconds.isEmpty else { return needs(rule.continuation) ? nil : suffixed }
      let secondGroup = random.pick(seconds)
      guard let second = Self.pick(secondGroup, secondGroup.candidates(suffixed.last), &random, { Self.matchesSuffix($0, suffixed) })
      else { return nil }
      if needs(second.continuation.subtracting(circumfix.map { [$0] } ?? [])) { return nil }
      return Self.applySuffix(second, suffixed)
    case 1:
      // A prefix with it.
      guard group.crossProduct else { return nil }
      let prefixGroups = flags.union(rule.continuation).sorted().compactMap { prefixes[$0] }.filter(\.crossProduct)
      guard !prefixGroups.isEmpty else { return nil }
      let prefixGroup = random.pick(prefixGroups)
      let circumfix = circumfixes(rule)
      guard let prefix = Self.pick(prefixGroup, prefixGroup.candidates(suffixed.first), &random, {
        Self.matchesPrefix($0, suffixed) && circumfixes($0) == circumfix
      }) else { return nil }
      return Self.applyPrefix(prefix, suffixed)
    default:
      return needs(rule.continuation) ? nil : suffixed
    }
  }

  private func randomPrefixed(_ root: [Unicode.Scalar], prefixFlags: [Flag], random: inout SplitMix64) -> [Unicode.Scalar]? {
    let group = prefixes[random.pick(prefixFlags)]!
    guard let rule = Self.pick(group, group.candidates(root.first), &random, { Self.matchesPrefix($0, root) }) else { return nil }
    let suffixGroups = group.crossProduct ? rule.continuation.sorted().compactMap { suffixes[$0] }.filter(\.crossProduct) : []
    if suffixGroups.isEmpty || random.chance(40) {
      return needs(rule.continuation) ? nil : Self.applyPrefix(rule, root)
    }
    let suffixGroup = random.pick(suffixGroups)
    let circumfix = circumfixes(rule)
    guard let suffix = Self.pick(suffixGroup, suffixGroup.candidates(root.last), &random, {
      Self.matchesSuffix($0, root) && circumfixes($0) == circumfix
    }) else { return nil }
    return Self.applyPrefix(rule, Self.applySuffix(suffix, root))
  }

  /// One of the rules at `indices` that satisfy `matches`, at random (counted, then picked: no array).
  private static func pick(
    _ group: AffixGroup, _ indices: [Int], _ random: inout SplitMix64, _ matches: (Rule) -> Bool
  ) -> Rule? {
    var count = 0
    var index = 0
    while index < indices.count {
      if matches(group.rules[indices[index]]) { count += 1 }
      index += 1
    }
    guard count > 0 else { return nil }
    var chosen = random.below(count)
    index = 0
    while index < indices.count {
      if matches(group.rules[indices[index]]) {
        if chosen == 0 { return group.rules[indices[index]] }
        chosen -= 1
      }
      index += 1
    }
    return nil
  }

  /// Whether flags make a form need another affix (`NEEDAFFIX`, or half of a `CIRCUMFIX`).
  private func needs(_ flags: Set<Flag>) -> Bool {
    (needAffix.map(flags.contains) ?? false) || (circumfix.map(flags.contains) ?? false)
  }

  private func circumfixes(_ rule: Rule) -> Bool { circumfix.map(rule.continuation.contains) ?? false }

  // Index loops rather than `zip`, `suffix` and `elementsEqual`: in a debug build the generic
  // versions cost a metadata lookup each, and these run millions of times.

  static func matchesSuffix(_ rule: Rule, _ word: [Unicode.Scalar]) -> Bool {
    let count = word.count
    let strip = rule.strip
    let condition = rule.condition
    guard count > 0, count >= strip.count, count >= condition.count else { return false }
    var index = 0
    while index < strip.count {
      if word[count - strip.count + index] != strip[index] { return false }
      index += 1
    }
    let offset = count - condition.count
    index = 0
    while index < condition.count {
      if let element = condition[index], element.set.contains(word[offset + index]) == element.negated { return false }
      index += 1
    }
    return true
  }

  static func matchesPrefix(_ rule: Rule, _ word: [Unicode.Scalar]) -> Bool {
    let strip = rule.strip
    let condition = rule.condition
    guard !word.isEmpty, word.count >= strip.count, word.count >= condition.count else { return false }
    var index = 0
    while index < strip.count {
      if word[index] != strip[index] { return false }
      index += 1
    }
    index = 0
    while index < condition.count {
      if let element = condition[index], element.set.contains(word[index]) == element.negated { return false }
      index += 1
    }
    return true
  }

  static func applySuffix(_ rule: Rule, _ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
    var result = word
    result.removeLast(rule.strip.count)
    result.append(contentsOf: rule.add)
    return result
  }

  static func applyPrefix(_ rule: Rule, _ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
    var result = rule.add
    result.reserveCapacity(rule.add.count + word.count - rule.strip.count)
    var index = rule.strip.count
    while index < word.count {
      result.append(word[index])
      index += 1
    }
    return result
  }
}
