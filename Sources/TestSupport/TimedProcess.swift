import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a program to its end or until a deadline, reading its stdout and stderr on their own threads
/// (a full pipe cannot block it) and killing it when it overstays: for driving editors headless.
public enum TimedProcess {
  public struct Outcome: Sendable {
    /// The exit status, or the signal number when `uncaughtSignal`.
    public var status: Int32
    public var uncaughtSignal: Bool
    /// Whether the deadline passed and the process was killed.
    public var timedOut: Bool
    public var stdout: String
    public var stderr: String
    /// Wall-clock time from start to end.
    public var duration: Duration
  }

  /// Runs `executable` with `arguments`, stdin from /dev/null. After `timeout` the process gets
  /// SIGTERM, then SIGKILL one second later.
  public static func run(
    _ executable: URL, arguments: [String], environment: [String: String]? = nil, currentDirectory: URL? = nil,
    timeout: Duration
  ) throws -> Outcome {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = stdout
    process.standardError = stderr
    let ended = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in ended.signal() }

    let clock = ContinuousClock()
    let start = clock.now
    try process.run()
    let readers = DispatchGroup()
    let collected = Collected()
    for (pipe, isError) in [(stdout, false), (stderr, true)] {
      readers.enter()
      Thread.detachNewThread {
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        collected.set(data, isError: isError)
        readers.leave()
      }
    }

    var timedOut = false
    let (seconds, attoseconds) = timeout.components
    let wait = DispatchTime.now() + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    if ended.wait(timeout: wait) == .timedOut {
      timedOut = true
      process.terminate()
      if ended.wait(timeout: .now() + .seconds(1)) == .timedOut {
        kill(process.processIdentifier, SIGKILL)
        ended.wait()
      }
    }
    // Children that inherited the pipes could keep them open; do not wait for them forever.
    _ = readers.wait(timeout: .now() + .seconds(2))
    let duration = clock.now - start
    let (out, err) = collected.values
    return Outcome(
      status: process.terminationStatus, uncaughtSignal: process.terminationReason == .uncaughtSignal,
      timedOut: timedOut, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
      duration: duration)
  }

  private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var stdout = Data()
    private var stderr = Data()

    func set(_ data: Data, isError: Bool) {
      lock.lock()
      defer { lock.unlock() }
      if isError { stderr = data } else { stdout = data }
    }

    var values: (Data, Data) {
      lock.lock()
      defer { lock.unlock() }
      return (stdout, stderr)
    }
  }
}
