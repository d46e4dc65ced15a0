import Foundation
import JSONRPC
import TestSupport
import Testing

/// Settings plumbing and logging, seen from the client.
@Suite struct ConfigurationEndToEndTests {
  private let pullingClient: JSONValue = [
    "workspace": ["configuration": true, "didChangeConfiguration": ["dynamicRegistration": true]]
  ]

  @Test func serverPullsTheDatelineSectionAfterInitialized() throws {
    let client = try TestClient.spawn()
    let mark = client.mark
    try client.initialize(capabilities: pullingClient)
    let pull = try client.waitFor("workspace/configuration") { $0["method"] == "workspace/configuration" }
    #expect(pull["params"]?["items"]?.arrayValue?.first?["section"] == "dateline")
    let registration = try client.waitFor("client/registerCapability") { $0["method"] == "client/registerCapability" }
    #expect(registration["params"]?["registrations"]?.arrayValue?.first?["method"] == "workspace/didChangeConfiguration")
    // A hint without settings makes the server pull again.
    client.notify("workspace/didChangeConfiguration", ["settings": .null])
    let firstPull = try client.waitFor("workspace/configuration") { $0["method"] == "workspace/configuration" }
    _ = try client.waitFor("a second pull") { $0["method"] == "workspace/configuration" && $0["id"] != firstPull["id"] }
    #expect(client.received[mark...].filter { $0["method"] == "workspace/configuration" }.count == 2)
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }

  @Test func serverDoesNotPullFromClientsThatCannotAnswer() throws {
    let client = try TestClient.spawn()
    try client.initialize(capabilities: [:])
    client.notify("workspace/didChangeConfiguration", ["settings": ["dateline": ["language": "fr"]]])
    _ = try client.request("shutdown")
    #expect(!client.received.contains { $0["method"] == "workspace/configuration" })
    #expect(!client.received.contains { $0["method"] == "client/registerCapability" })
    client.notify("exit")
    #expect(client.waitForExit() == 0)
  }

  @Test func settingsReachTheServerFromEachSource() throws {
    let client = try TestClient.spawn(arguments: ["--stdio", "--log-level", "info"])
    client.serverRequestHandler.withLock { $0 = { method, _ in method == "workspace/configuration" ? [["fromPull": true]] : .null } }
    try client.initialize(capabilities: pullingClient, initializationOptions: ["dateline": ["fromInit": true]])
    _ = try client.waitFor("workspace/configuration") { $0["method"] == "workspace/configuration" }
    client.notify("workspace/didChangeConfiguration", ["settings": ["dateline": ["fromPush": true]]])
    _ = try client.request("shutdown")
    client.notify("exit")
    #expect(client.waitForExit() == 0)
    let stderr = client.stderrText
    #expect(stderr.contains("fromInit"), "\(stderr)")
    #expect(stderr.contains("fromPull"), "\(stderr)")
    #expect(stderr.contains("fromPush"), "\(stderr)")
    #expect(client.schemaViolations == [])
  }

  @Test func logLevelControlsStderrAndStdoutCarriesOnlyFrames() throws {
    let quiet = try TestClient.spawn(arguments: ["--stdio", "--log-level", "error"])
    try quiet.initialize()
    #expect(try quiet.shutdownAndExit() == 0)
    #expect(!quiet.stderrText.contains("[info]"))

    let chatty = try TestClient.spawn(arguments: ["--log-level=debug"])
    try chatty.initialize()
    #expect(try chatty.shutdownAndExit() == 0)
    #expect(chatty.stderrText.contains("[info] request initialize"))
    #expect(chatty.framingErrors.isEmpty)
  }

  @Test func traceLevelForwardsLogLinesToTheClient() throws {
    let client = try TestClient.spawn()
    try client.initialize(trace: "messages")
    let mark = client.mark
    _ = try client.request("dateline/documentText", ["textDocument": ["uri": "file:///a"]])
    _ = try client.notification("$/logTrace", after: mark) { $0["params"]?["message"]?.stringValue?.contains("dateline/documentText") == true }
    client.notify("$/setTrace", ["value": "off"])
    _ = try client.request("dateline/documentText", ["textDocument": ["uri": "file:///a"]])
    let afterOff = client.mark
    _ = try client.request("dateline/documentText", ["textDocument": ["uri": "file:///a"]])
    #expect(!client.received[afterOff...].contains { $0["method"] == "$/logTrace" })
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.schemaViolations == [])
  }
}

/// The command line outside serving.
@Suite struct CommandLineEndToEndTests {
  private func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = try BuiltProducts.dateline()
    process.arguments = arguments
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
  }

  @Test func versionAndHelp() throws {
    let version = try run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.hasPrefix("dateline "))
    let help = try run(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("--stdio"))
  }

  @Test(arguments: [["--frobnicate"], ["--log-level"], ["--log-level", "loud"], ["teleport"]])
  func unknownFlagsAreUsageErrors(arguments: [String]) throws {
    let result = try run(arguments)
    #expect(result.status == 2)
    #expect(result.stderr.contains("dateline:"))
    #expect(result.stdout.isEmpty)
  }
}
