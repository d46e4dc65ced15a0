import Foundation
import Synchronization

/// Runs the built `dateline` binary as a shell would, for tests of the command line.
public enum DatelineCommandLine {
  /// How a run ended and what it printed.
  public struct Result: Sendable, CustomStringConvertible {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public var description: String { "exit \(status)\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
  }

  /// Runs `dateline` with `arguments` to completion, reading both outputs at once (so a long output
  /// cannot fill a pipe and block the child).
  public static func run(_ arguments: [String], currentDirectory: URL? = nil) throws -> Result {
    let process = Process()
    process.executableURL = try BuiltProducts.dateline()
    process.arguments = arguments
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let errorData = Mutex(Data())
    let errorDone = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      let data = stderr.fileHandleForReading.readDataToEndOfFile()
      errorData.withLock { $0 = data }
      errorDone.signal()
    }
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    errorDone.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: errorData.withLock { $0 }, as: UTF8.self))
  }
}

/// A fresh folder under the system's temporary directory, removed when the value goes away.
public final class TemporaryDirectory: @unchecked Sendable {
  public let url: URL

  public init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes `contents` (UTF-8, as given: line ends included) to `name` (folders in it are created)
  /// and returns its path.
  @discardableResult
  public func write(_ name: String, _ contents: String) throws -> String {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(contents.utf8).write(to: file)
    return file.path
  }

  /// The path of `name` in this folder, whether or not it exists.
  public func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
