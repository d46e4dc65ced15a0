import Foundation
import NewsAnalysis

/// `suggestions`: the latency of `HunspellDictionary.suggest` over 100 French and 100 English
/// misspellings made from the words of the example articles with typical typos (a letter left
/// out, doubled, swapped with its neighbour, struck on a neighbouring key, an accent left out, a
/// letter too many), the same list on every run. Also how often the first suggestion is the word
/// meant, and how often it agrees with `hunspell -a` when that command is installed.
enum SuggestionBenchmark {
  static let benchmark = Benchmark(
    name: "suggestions", summary: "HunspellDictionary.suggest over 2 x 100 typos of example words (p50/p95 ms)",
    run: run)

  static let defaultRuns = 5
  static let wordsPerLanguage = 100

  /// One misspelling and the word it was made from.
  struct Typo {
    let word: String
    let misspelling: String
    let kind: String
  }

  static func run(_ options: BenchOptions) throws -> [Figure] {
    let runs = options.runs ?? defaultRuns
    var figures: [Figure] = []
    let wordsByLanguage = try CheckThroughputBenchmark.exampleWords()
    for language in try SystemDictionaries.available() {
      let code = language.name.hasPrefix("fr") ? "fr" : "en"
      guard let words = wordsByLanguage[code] else { continue }
      let files = try language.read()
      let dictionary = try HunspellDictionary(affix: files.affix, dictionary: files.dictionary)
      let typos = misspellings(of: words, french: code == "fr", dictionary: dictionary)
      // SUGGEST_ONLY=word (and SUGGEST_LANGUAGE=en_US): one word's suggestions and time, for profiling.
      if let only = ProcessInfo.processInfo.environment["SUGGEST_ONLY"] {
        if language.name == (ProcessInfo.processInfo.environment["SUGGEST_LANGUAGE"] ?? "fr") {
          let start = MonotonicClock.nanoseconds()
          for _ in 0..<20 { _ = dictionary.suggest(only) }
          progress("\(only): \(dictionary.suggest(only)) \(MonotonicClock.milliseconds(from: start, to: MonotonicClock.nanoseconds()) / 20) ms")
        }
        continue
      }
      progress("suggestions: \(language.name): \(typos.count) misspellings, 1 warm-up + \(runs) runs")
      var results: [[String]] = typos.map { dictionary.suggest($0.misspelling) }
      var times = [[Double]](repeating: [], count: typos.count)
      for _ in 0..<runs {
        for (index, typo) in typos.enumerated() {
          let start = MonotonicClock.nanoseconds()
          results[index] = dictionary.suggest(typo.misspelling)
          let end = MonotonicClock.nanoseconds()
          times[index].append(MonotonicClock.milliseconds(from: start, to: end))
        }
      }
      // Each misspelling's median time, then the distribution over the misspellings.
      let perWord = Summary(times.map { Summary($0).median })
      let input = "\(language.name): \(typos.count) typos of example words"
      figures.append(Figure(benchmark: "suggestions", metric: "\(language.name) p50", value: perWord.median, unit: "ms",
                            input: input, runs: runs, note: "aim: a few ms"))
      figures.append(Figure(benchmark: "suggestions", metric: "\(language.name) p95", value: perWord.percentile(95),
                            unit: "ms", input: input, runs: runs))
      figures.append(Figure(benchmark: "suggestions", metric: "\(language.name) max", value: perWord.maximum,
                            unit: "ms", input: input, runs: runs))
      let intended = zip(typos, results).filter { $0.1.first == $0.0.word }.count
      figures.append(Figure(benchmark: "suggestions", metric: "\(language.name) first = word meant",
                            value: 100 * Double(intended) / Double(typos.count), unit: "%", input: input, runs: 1))
      let hunspellOrder = typos.map { dictionary.hunspellSuggestions($0.misspelling) }
      let intendedInHunspellOrder = zip(typos, hunspellOrder).filter { $0.1.first == $0.0.word }.count
      figures.append(Figure(benchmark: "suggestions", metric: "\(language.name) first = word meant, Hunspell's order",
                            value: 100 * Double(intendedInHunspellOrder) / Double(typos.count), unit: "%",
                            input: input + ", without Dateline's re-ranking", runs: 1))
      if ProcessInfo.processInfo.environment["SUGGESTIONS_VERBOSE"] != nil {
        for (index, typo) in typos.enumerated() {
          let marker = results[index] == hunspellOrder[index] ? " " : "*"
          progress("\(marker) \(typo.kind) \(typo.misspelling) (\(typo.word)): \(results[index].prefix(5).joined(separator: ", "))"
            + (marker == "*" ? "   [Hunspell: \(hunspellOrder[index].prefix(5).joined(separator: ", "))]" : ""))
        }
      }
      if let reference = hunspellFirstSuggestions(typos.map(\.misspelling), dictionary: language) {
        var compared = 0
        var agreeing = 0
        var hunspellIntended = 0
        for (index, first) in reference.enumerated() {
          if first == typos[index].word { hunspellIntended += 1 }
          guard let first else { continue }
          compared += 1
          if results[index].first == first { agreeing += 1 }
        }
        figures.append(Figure(benchmark: "suggestions", metric: "\(language.name) first = hunspell's first",
                              value: 100 * Double(agreeing) / Double(max(compared, 1)), unit: "%",
                              input: "\(compared) typos hunspell -a has suggestions for", runs: 1))
        figures.append(Figure(benchmark: "suggestions", metric: "\(language.name) hunspell's first = word meant",
                              value: 100 * Double(hunspellIntended) / Double(typos.count), unit: "%", input: input,
                              runs: 1))
      }
    }
    return figures
  }

  // MARK: - The misspellings

  /// `wordsPerLanguage` misspellings of the distinct lower-case words (four letters or more) that
  /// the dictionary accepts, in a fixed order, each typo kind in turn; only misspellings the
  /// dictionary rejects count.
  static func misspellings(of words: [String], french: Bool, dictionary: HunspellDictionary) -> [Typo] {
    var seen = Set<String>()
    let candidates = words.filter { word in
      word.count >= 4 && word.allSatisfy { $0.isLetter && $0.isLowercase } && seen.insert(word).inserted
        && dictionary.check(word)
    }.sorted()
    var kinds = ["omitted", "doubled", "swapped", "neighbour key", "inserted"]
    if french { kinds.append("accent left out") }
    var typos: [Typo] = []
    var used = Set<String>()
    var round = 0
    while typos.count < wordsPerLanguage && round < 6 {
      for (index, word) in candidates.enumerated() where typos.count < wordsPerLanguage {
        let kind = kinds[(index + round) % kinds.count]
        let seed = stableHash(word) &+ UInt64(round) &* 0x9E37_79B9
        guard let misspelling = typo(word, kind: kind, seed: seed, french: french),
          misspelling != word, !dictionary.check(misspelling), used.insert(misspelling).inserted
        else { continue }
        typos.append(Typo(word: word, misspelling: misspelling, kind: kind))
      }
      round += 1
    }
    return typos
  }

  static let azerty = ["azertyuiop", "qsdfghjklm", "wxcvbn"]
  static let qwerty = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]

  /// `word` with one typo of `kind`, at a place chosen by `seed`.
  static func typo(_ word: String, kind: String, seed: UInt64, french: Bool) -> String? {
    var letters = Array(word)
    let count = letters.count
    let position = Int(seed % UInt64(count))
    switch kind {
    case "omitted":
      letters.remove(at: position)
    case "doubled":
      letters.insert(letters[position], at: position)
    case "swapped":
      let first = min(position, count - 2)
      guard letters[first] != letters[first + 1] else { return nil }
      letters.swapAt(first, first + 1)
    case "neighbour key":
      let rows = french ? azerty : qwerty
      guard let row = rows.first(where: { $0.contains(letters[position]) }) else { return nil }
      let keys = Array(row)
      let column = keys.firstIndex(of: letters[position])!
      let neighbour = seed & 1 == 0 ? (column > 0 ? column - 1 : column + 1) : (column + 1 < keys.count ? column + 1 : column - 1)
      letters[position] = keys[neighbour]
    case "inserted":
      var generator = SeededGenerator(seed: seed)
      let extra: Character = "aeiourstn".randomElement(using: &generator)!
      letters.insert(extra, at: min(position + 1, count))
    case "accent left out":
      let plain: [Character: Character] = ["é": "e", "è": "e", "ê": "e", "à": "a", "â": "a", "ç": "c", "î": "i",
                                           "ô": "o", "û": "u", "ù": "u", "ë": "e", "ï": "i"]
      guard let index = letters.firstIndex(where: { plain[$0] != nil }) else { return nil }
      letters[index] = plain[letters[index]]!
    default:
      return nil
    }
    return String(letters)
  }

  /// FNV-1a over the UTF-8 bytes (stable across runs, unlike `hashValue`).
  static func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return hash
  }

  /// A small deterministic generator (SplitMix64).
  struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var value = state
      value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
      value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
      return value ^ (value >> 31)
    }
  }

  // MARK: - The reference

  /// The first suggestion `hunspell -a` gives for each word (nil: none), or nil when the command
  /// is not installed.
  static func hunspellFirstSuggestions(_ words: [String], dictionary: SystemDictionaries) -> [String?]? {
    let candidates = ["/usr/bin/hunspell", "/usr/local/bin/hunspell"]
    guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = ["-a", "-i", "utf-8", "-d", "\(dictionary.folder)/\(dictionary.name)"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    // Each line starts with '^' so that hunspell reads it as text, never as a command.
    let text = words.map { "^" + $0 }.joined(separator: "\n") + "\n"
    DispatchQueue.global().async {
      input.fileHandleForWriting.write(Data(text.utf8))
      try? input.fileHandleForWriting.close()
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    // After the banner, one result line and an empty line per input line.
    let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n").dropFirst()
    var results: [String?] = []
    var pending: String?? = nil
    for line in lines {
      if line.isEmpty {
        if let result = pending { results.append(result) }
        pending = nil
      } else if line.hasPrefix("&") {
        let suggestions = line.split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""
        pending = .some(suggestions.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) })
      } else if pending == nil {
        pending = .some(nil)
      }
    }
    return results.count == words.count ? results : nil
  }
}
