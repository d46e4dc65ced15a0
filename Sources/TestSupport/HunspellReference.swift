import Foundation

/// The `hunspell` command as the reference for Dateline's own engine: which words of a list it
/// rejects (`hunspell -l`) or accepts (`hunspell -G -l`) with a given `.aff` and `.dic`.
///
/// The words go to hunspell one a line through a temporary file as stdin, and its output to another
/// file (no pipes both ways, which could deadlock); a long list is split among several hunspell
/// processes run at once. Words must be single tokens for hunspell (see `HunspellTokenizer`), as
/// `WordListGenerator` makes them, so that its output lines are the words themselves.
public struct HunspellReference: Sendable {
  /// The executable: `hunspell` on PATH, or `DATELINE_HUNSPELL`. Tests that need it skip with a
  /// message when it is missing, and fail instead under CI.
  public static let tool = EditorExecutable(
    name: "hunspell", installHint: "install hunspell (apt-get install hunspell) or run .ci/run",
    overrideVariable: "DATELINE_HUNSPELL")

  public let executable: URL
  /// The dictionary as `hunspell -d` takes it: the path of the `.aff` without its extension.
  public let dictionaryBase: String
  private let folder: TemporaryDirectory

  /// Writes `affix` and `dictionary` into a temporary folder as `name.aff` and `name.dic`, so that
  /// hunspell reads exactly the bytes the engine under test reads.
  public init(executable: URL, affix: [UInt8], dictionary: [UInt8], name: String) throws {
    self.executable = executable
    folder = try TemporaryDirectory()
    dictionaryBase = folder.path(name)
    try Data(affix).write(to: URL(fileURLWithPath: dictionaryBase + ".aff"))
    try Data(dictionary).write(to: URL(fileURLWithPath: dictionaryBase + ".dic"))
  }

  /// The words of `words` that hunspell rejects.
  public func rejected(_ words: [String], processes: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> Set<String> {
    Set(try run(words, arguments: ["-l"], processes: processes))
  }

  /// The words of `words` that hunspell accepts.
  public func accepted(_ words: [String], processes: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> Set<String> {
    Set(try run(words, arguments: ["-G", "-l"], processes: processes))
  }

  /// The lines hunspell prints for `words` with `arguments`, the slices' outputs in order.
  public func run(_ words: [String], arguments: [String], processes: Int = 1, timeout: Duration = .seconds(300)) throws -> [String] {
    let sliceCount = max(1, min(processes, words.count / 1000 + 1))
    let sliceSize = (words.count + sliceCount - 1) / sliceCount
    var running: [(process: Process, output: URL, errors: URL)] = []
    defer {
      for slice in running where slice.process.isRunning { slice.process.terminate() }
    }
    for slice in 0..<sliceCount {
      let input = folder.url.appendingPathComponent("input-\(slice).txt")
      let output = folder.url.appendingPathComponent("output-\(slice).txt")
      let errors = folder.url.appendingPathComponent("errors-\(slice).txt")
      let lines = words[min(words.count, slice * sliceSize)..<min(words.count, (slice + 1) * sliceSize)]
      try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)
      _ = FileManager.default.createFile(atPath: output.path, contents: nil)
      _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
      let process = Process()
      process.executableURL = executable
      process.arguments = ["-i", "utf-8", "-d", dictionaryBase] + arguments
      var environment = ProcessInfo.processInfo.environment
      environment["LC_ALL"] = "C.UTF-8"
      process.environment = environment
      process.standardInput = try FileHandle(forReadingFrom: input)
      process.standardOutput = try FileHandle(forWritingTo: output)
      process.standardError = try FileHandle(forWritingTo: errors)
      try process.run()
      running.append((process, output, errors))
    }
    let deadline = ContinuousClock.now + timeout
    var result: [String] = []
    for slice in running {
      while slice.process.isRunning {
        if ContinuousClock.now > deadline {
          throw ReferenceError(description: "hunspell \(arguments.joined(separator: " ")) took more than \(timeout)")
        }
        usleep(5_000)
      }
      let errors = (try? String(contentsOf: slice.errors, encoding: .utf8)) ?? ""
      guard slice.process.terminationStatus == 0 else {
        throw ReferenceError(description: "hunspell exited with \(slice.process.terminationStatus): \(errors)")
      }
      let output = try String(contentsOf: slice.output, encoding: .utf8)
      result += output.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
    return result
  }

  /// hunspell failed or overstayed.
  public struct ReferenceError: Error, CustomStringConvertible {
    public var description: String
  }
}

/// How far a spell checker agrees with hunspell over a word list: counts by origin of the words, and
/// the words on which they differ.
public struct DifferentialReport: CustomStringConvertible, Sendable {
  /// A word on which the two differ.
  public struct Disagreement: Sendable {
    public var word: GeneratedWord
    /// Whether hunspell accepts it (the checker under test then rejects it, and the reverse).
    public var referenceAccepts: Bool
  }

  /// The counts for words of one origin.
  public struct Counts: Sendable {
    public var words = 0
    public var referenceAccepts = 0
    public var disagreements = 0

    public init() {}
  }

  public var name: String
  public var words: Int
  public var disagreements: [Disagreement]
  public var byOrigin: [String: Counts]

  /// Compares `check` (true: the word is accepted) with hunspell's verdicts: every word of `words` is
  /// accepted by hunspell unless it is in `referenceRejected`.
  public init(name: String, words: [GeneratedWord], referenceRejected: Set<String>, check: (String) -> Bool) {
    self.name = name
    self.words = words.count
    var disagreements: [Disagreement] = []
    var byOrigin: [String: Counts] = [:]
    for word in words {
      let reference = !referenceRejected.contains(word.text)
      let verdict = check(word.text)
      byOrigin[word.origin, default: Counts()].words += 1
      if reference { byOrigin[word.origin, default: Counts()].referenceAccepts += 1 }
      if reference != verdict {
        byOrigin[word.origin, default: Counts()].disagreements += 1
        disagreements.append(Disagreement(word: word, referenceAccepts: reference))
      }
    }
    self.disagreements = disagreements
    self.byOrigin = byOrigin
  }

  /// The share of words on which both agree, from 0 to 1.
  public var agreement: Double { words == 0 ? 1 : Double(words - disagreements.count) / Double(words) }

  /// The counts, then the first 50 disagreements, for the test log.
  public var description: String {
    let percent = (agreement * 10_000).rounded() / 100
    var lines = ["\(name): \(words) words, \(words - disagreements.count) agree (\(percent) %), \(disagreements.count) differ"]
    let falseRejections = disagreements.filter(\.referenceAccepts).count
    lines.append("  hunspell accepts, engine rejects: \(falseRejections); hunspell rejects, engine accepts: \(disagreements.count - falseRejections)")
    for (origin, counts) in byOrigin.sorted(by: { $0.key < $1.key }) {
      lines.append("  \(origin): \(counts.words) words, hunspell accepts \(counts.referenceAccepts), \(counts.disagreements) differ")
    }
    if !disagreements.isEmpty {
      lines.append("  first \(min(50, disagreements.count)) disagreements (word, origin, hunspell's verdict):")
      for disagreement in disagreements.prefix(50) {
        let verdict = disagreement.referenceAccepts ? "hunspell accepts" : "hunspell rejects"
        lines.append("    \(disagreement.word.text)  [\(disagreement.word.origin)]  \(verdict)")
      }
    }
    return lines.joined(separator: "\n")
  }
}

/// The differential lists of a language and hunspell's verdicts on them, made once per test process:
/// the engine's differential test and the harness's own test share them, so the slow part (hunspell
/// over 200,000 French words) runs once.
public enum DifferentialFixture {
  /// The words, the ones hunspell rejects, and what it took to get them.
  public struct Lists: Sendable {
    public var words: [GeneratedWord]
    public var rejected: Set<String>
    public var reference: HunspellReference
    public var generation: Duration
    public var referenceRun: Duration
  }

  private static let lock = NSLock()
  nonisolated(unsafe) private static var cache: [String: Lists] = [:]

  /// The lists for `language` (`fr`, `en_US`) from its bundled `affix` and `dictionary`, checked by the
  /// hunspell at `hunspell`.
  public static func lists(language: String, affix: [UInt8], dictionary: [UInt8], hunspell: URL) throws -> Lists {
    lock.lock()
    defer { lock.unlock() }
    if let cached = cache[language] { return cached }
    let clock = ContinuousClock()
    var words: [GeneratedWord] = []
    let generation = clock.measure {
      words = WordListGenerator.differentialList(language: language, affix: affix, dictionary: dictionary)
    }
    let reference = try HunspellReference(executable: hunspell, affix: affix, dictionary: dictionary, name: language)
    var rejected: Set<String> = []
    let referenceRun = try clock.measure { rejected = try reference.rejected(words.map(\.text)) }
    let lists = Lists(words: words, rejected: rejected, reference: reference, generation: generation, referenceRun: referenceRun)
    cache[language] = lists
    return lists
  }
}
