import Foundation
import NewsAnalysis

/// `dictionary-load`: reading the system's French and English Hunspell dictionaries
/// (`/usr/share/hunspell`) into `HunspellDictionary`, and the memory they take.
enum DictionaryLoadBenchmark {
  static let benchmark = Benchmark(
    name: "dictionary-load", summary: "load fr and en_US from /usr/share/hunspell (ms, RSS growth)", run: run)

  static let defaultRuns = 10

  static func run(_ options: BenchOptions) throws -> [Figure] {
    let runs = options.runs ?? defaultRuns
    let languages = try SystemDictionaries.available()
    var figures: [Figure] = []
    // Memory first, in a fresh process state: the files are read, then parsed, and the dictionaries
    // kept; the growth of the resident set is what the server pays.
    var kept: [HunspellDictionary] = []
    var growth: [(String, Int, Int)] = []
    for language in languages {
      let files = try language.read()
      let before = ResidentMemory.bytes()
      kept.append(try HunspellDictionary(affix: files.affix, dictionary: files.dictionary))
      kept.last!.prepareSuggestions()
      let after = ResidentMemory.bytes()
      growth.append((language.name, after - before, kept.last!.approximateByteSize))
    }
    for language in languages {
      let files = try language.read()
      progress("dictionary-load: \(language.name): 1 warm-up + \(runs) runs, \(files.affix.count + files.dictionary.count) bytes")
      var times: [Double] = []
      var indexTimes: [Double] = []
      var entries = 0
      for index in 0...runs {
        let start = MonotonicClock.nanoseconds()
        let dictionary = try HunspellDictionary(affix: files.affix, dictionary: files.dictionary)
        let end = MonotonicClock.nanoseconds()
        dictionary.prepareSuggestions()
        let indexEnd = MonotonicClock.nanoseconds()
        entries = dictionary.entryCount
        if index > 0 {
          times.append(MonotonicClock.milliseconds(from: start, to: end))
          indexTimes.append(MonotonicClock.milliseconds(from: end, to: indexEnd))
        }
      }
      let summary = Summary(times)
      let input = "\(language.name): \(Report.bytes(files.affix.count)) .aff + \(Report.bytes(files.dictionary.count)) .dic, \(Report.grouped(entries)) entries"
      figures.append(Figure(benchmark: "dictionary-load", metric: "\(language.name) median", value: summary.median,
                            unit: "ms", input: input, runs: runs, note: language.name == "fr" ? "aim < 40 ms" : nil))
      figures.append(Figure(benchmark: "dictionary-load", metric: "\(language.name) worst", value: summary.maximum,
                            unit: "ms", input: input, runs: runs))
      figures.append(Figure(benchmark: "dictionary-load", metric: "\(language.name) suggestion index median",
                            value: Summary(indexTimes).median, unit: "ms", input: input, runs: runs,
                            note: "made after loading, in the background (server) or on the first suggestion"))
    }
    for (name, bytes, tables) in growth {
      figures.append(Figure(benchmark: "dictionary-load", metric: "\(name) RSS growth", value: Double(bytes) / 1_000_000,
                            unit: "MB", input: "\(name), first load (word table about \(Report.bytes(tables)))", runs: 1))
    }
    let total = growth.reduce(0) { $0 + $1.1 }
    figures.append(Figure(benchmark: "dictionary-load", metric: "all RSS growth", value: Double(total) / 1_000_000, unit: "MB",
                          input: growth.map(\.0).joined(separator: " + ") + " kept loaded", runs: 1,
                          note: "whole server aims at < 50 MB peak RSS"))
    withExtendedLifetime(kept) {}
    return figures
  }
}

/// The system's Hunspell dictionaries the benchmarks use.
struct SystemDictionaries {
  let name: String
  let folder = "/usr/share/hunspell"

  /// The raw bytes of the `.aff` and `.dic`.
  func read() throws -> (affix: [UInt8], dictionary: [UInt8]) {
    guard let affix = FileManager.default.contents(atPath: "\(folder)/\(name).aff"),
      let dictionary = FileManager.default.contents(atPath: "\(folder)/\(name).dic")
    else { throw BenchError("cannot read \(folder)/\(name).aff and .dic") }
    return ([UInt8](affix), [UInt8](dictionary))
  }

  /// French and English, when installed (apt packages hunspell-fr-classical, hunspell-en-us).
  static func available() throws -> [SystemDictionaries] {
    let all = [SystemDictionaries(name: "fr"), SystemDictionaries(name: "en_US")]
    let present = all.filter { FileManager.default.fileExists(atPath: "\($0.folder)/\($0.name).dic") }
    guard !present.isEmpty else {
      throw BenchError("no dictionaries in /usr/share/hunspell (apt-get install hunspell-fr-classical hunspell-en-us)")
    }
    return present
  }
}

/// The resident set size of this process, from `/proc/self/statm` (0 where there is none).
enum ResidentMemory {
  static func bytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }
}
