#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import JSONRPC
import LanguageServerProtocol

/// A `dateline --stdio` child process with pipes on its stdin and stdout (stderr is shared with
/// dateline-bench), read one frame at a time.
///
/// Spawned with posix_spawn rather than Foundation's `Process`, which costs more of its own: on the
/// 2-core EPYC dev box, three alternating rounds of 40 cold starts gave medians of 7.6–8.2 ms with
/// posix_spawn against 9.5–12.6 ms with `Process` (and p90 8.9–10.4 ms against 11.9–18.1 ms).
final class ServerProcess {
  let pid: pid_t
  /// Our end of the server's stdin.
  let input: Int32
  /// Our end of the server's stdout.
  let output: Int32
  private var parser = FrameParser()
  private var chunk = [UInt8](repeating: 0, count: 1 << 16)
  private var exited = false

  /// Starts `path --stdio`.
  init(path: String) throws(BenchError) {
    let stdinPipe = try Self.makePipe()
    let stdoutPipe = try Self.makePipe()
    #if canImport(Darwin)
      var actions: posix_spawn_file_actions_t? = nil
    #else
      var actions = posix_spawn_file_actions_t()
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // The pipes are close-on-exec; dup2 onto 0 and 1 clears that flag for the child's copies.
    posix_spawn_file_actions_adddup2(&actions, stdinPipe.read, STDIN_FILENO)
    posix_spawn_file_actions_adddup2(&actions, stdoutPipe.write, STDOUT_FILENO)

    let arguments = [path, "--stdio"]
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var child: pid_t = 0
    let status = posix_spawn(&child, path, &actions, nil, argv, environ)
    close(stdinPipe.read)
    close(stdoutPipe.write)
    guard status == 0 else {
      close(stdinPipe.write)
      close(stdoutPipe.read)
      throw BenchError("cannot start \(path): \(String(cString: strerror(status)))")
    }
    pid = child
    input = stdinPipe.write
    output = stdoutPipe.read
  }

  deinit {
    if !exited {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
    close(input)
    close(output)
  }

  private static func makePipe() throws(BenchError) -> (read: Int32, write: Int32) {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { throw BenchError("pipe failed: \(String(cString: strerror(errno)))") }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return (fds[0], fds[1])
  }

  // MARK: Writing

  /// Writes all of `bytes` to the server's stdin, blocking while the pipe is full.
  func send(_ bytes: [UInt8]) throws(BenchError) {
    try Self.writeAll(bytes, to: input)
  }

  /// Writes all of `bytes` to `fd`; usable from any thread.
  static func writeAll(_ bytes: [UInt8], to fd: Int32) throws(BenchError) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0 {
        if errno == EINTR { continue }
        throw BenchError("writing to the server failed: \(String(cString: strerror(errno)))")
      }
      offset += written
    }
  }

  /// Closes the server's stdin: end of input.
  func closeInput() {
    close(input)
  }

  // MARK: Reading

  /// The next frame from the server, and the clock reading taken as soon as it was complete.
  ///
  /// Gives up after `timeout` seconds without a byte, or at end of output.
  func readFrame(timeout: Double = 30) throws(BenchError) -> (body: Data, arrival: UInt64) {
    while true {
      while let event = parser.next() {
        switch event {
        case .message(let body): return (body, MonotonicClock.nanoseconds())
        case .error(let text): throw BenchError("the server's output is not framed correctly: \(text)")
        }
      }
      var poller = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, Int32(timeout * 1000))
      if ready < 0 && errno == EINTR { continue }
      guard ready > 0 else { throw BenchError("the server sent nothing for \(Int(timeout)) s") }
      let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { throw BenchError("the server closed its output (exited?) before answering") }
      parser.append(chunk[0..<count])
    }
  }

  /// Reads frames until the response to request `id`; returns its result and its arrival time.
  /// Notifications from the server (log messages) are skipped; an error response throws.
  func readResponse(to id: Int, timeout: Double = 30) throws(BenchError) -> (result: JSONValue, arrival: UInt64) {
    while true {
      let (body, arrival) = try readFrame(timeout: timeout)
      switch IncomingMessage.decode(body) {
      case .success(.response(.number(id), .success(let result))):
        return (result, arrival)
      case .success(.response(.number(id), .failure(let error))):
        throw BenchError("request \(id) failed: \(error.message)")
      case .success(.request(_, let method, _)):
        throw BenchError("the server sent an unexpected request '\(method)'")
      case .success, .failure:
        continue
      }
    }
  }

  /// Reads frames until the `publishDiagnostics` of `uri` at `version`; returns how many diagnostics
  /// it carries and its arrival time. Other messages are skipped.
  func readDiagnostics(uri: String, version: Int, timeout: Double = 60) throws(BenchError) -> (count: Int, arrival: UInt64) {
    while true {
      let (body, arrival) = try readFrame(timeout: timeout)
      guard case .success(.notification("textDocument/publishDiagnostics", let params)) = IncomingMessage.decode(body),
        let published = try? params.decode(PublishDiagnosticsNotification.self), published.uri == uri,
        published.version == version
      else { continue }
      return (published.diagnostics.count, arrival)
    }
  }

  /// The process's peak resident memory (VmHWM), in MiB, from /proc.
  func peakMemoryMiB() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
    else { return nil }
    return kilobytes / 1024
  }

  // MARK: Ending

  /// `shutdown`, `exit`, end of input; then waits for the process and returns its exit status.
  @discardableResult
  func shutDown() throws(BenchError) -> Int32 {
    let id = 999_999
    try send(BenchMessages.frame(json: #"{"jsonrpc":"2.0","id":\#(id),"method":"shutdown"}"#))
    _ = try readResponse(to: id)
    try send(BenchMessages.frame(json: #"{"jsonrpc":"2.0","method":"exit"}"#))
    closeInput()
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    exited = true
    return status
  }
}

/// Finds the `dateline` binary to benchmark.
enum ServerBinary {
  /// `--server PATH` when given, else `dateline` in dateline-bench's own folder.
  static func locate(_ options: BenchOptions) throws(BenchError) -> String {
    if let path = options.serverPath {
      guard FileManager.default.isExecutableFile(atPath: path) else {
        throw BenchError("--server \(path): no executable file there")
      }
      return path
    }
    let path = URL(fileURLWithPath: ownPath()).deletingLastPathComponent().appendingPathComponent("dateline").path
    guard FileManager.default.isExecutableFile(atPath: path) else {
      throw BenchError(
        "no `dateline` binary beside dateline-bench (looked for \(path)). Build it first with "
          + "`swift build -c release`, or name one with --server PATH.")
    }
    return path
  }

  /// The path of the running dateline-bench executable.
  static func ownPath() -> String {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
  }
}
