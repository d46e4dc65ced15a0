#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// How much the server says about itself: the `--log-level` flag.
public enum LogLevel: Int, Comparable, Sendable, CaseIterable {
  case error = 1, warning, info, debug

  public init?(name: String) {
    guard let level = Self.allCases.first(where: { "\($0)" == name.lowercased() }) else { return nil }
    self = level
  }

  public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Writes log lines to stderr (never stdout, which carries the protocol) and to an optional forwarder
/// that the server points at the client's trace channel.
public final class Logger: Sendable {
  /// Receives every line at or under the forwarding level, for the client.
  public typealias Forwarder = @Sendable (LogLevel, String) -> Void

  private struct State {
    var level: LogLevel
    var forwardLevel: LogLevel?
    var forwarder: Forwarder?
  }

  private let state: Mutex<State>

  public init(level: LogLevel = .warning) {
    state = Mutex(State(level: level))
  }

  public var level: LogLevel {
    get { state.withLock { $0.level } }
    set { state.withLock { $0.level = newValue } }
  }

  /// Also sends lines at or under `level` to `forwarder`; nil stops forwarding.
  public func forward(upTo level: LogLevel?, to forwarder: Forwarder?) {
    state.withLock {
      $0.forwardLevel = level
      $0.forwarder = forwarder
    }
  }

  public func error(_ message: @autoclosure () -> String) { log(.error, message) }
  public func warning(_ message: @autoclosure () -> String) { log(.warning, message) }
  public func info(_ message: @autoclosure () -> String) { log(.info, message) }
  public func debug(_ message: @autoclosure () -> String) { log(.debug, message) }

  private func log(_ level: LogLevel, _ message: () -> String) {
    let (stderrLevel, forwardLevel, forwarder) = state.withLock { ($0.level, $0.forwardLevel, $0.forwarder) }
    let toStderr = level <= stderrLevel
    let toClient = forwarder != nil && forwardLevel.map { level <= $0 } == true
    guard toStderr || toClient else { return }
    let text = message()
    if toStderr {
      var line = "dateline [\(level)] \(text)\n"
      // One write(2) per line: lines from several threads never interleave.
      line.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
    if toClient { forwarder?(level, text) }
  }
}
