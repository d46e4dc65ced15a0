import Foundation
import JSONRPC
import TestSupport
import Testing

/// The spawned `dateline` binary through its whole lifecycle, over real framed bytes.
@Suite struct LifecycleEndToEndTests {
  @Test func initializeAnswersWithServerInfoAndCapabilities() throws {
    let client = try TestClient.spawn()
    let result = try client.initialize()
    #expect(result["serverInfo"]?["name"] == "dateline")
    #expect(result["serverInfo"]?["version"]?.stringValue?.isEmpty == false)
    #expect(result["capabilities"]?["positionEncoding"] == "utf-16")
    #expect(result["capabilities"]?["textDocumentSync"]?["change"] == 2)
    #expect(try client.shutdownAndExit() == 0)
    #expect(client.framingErrors.isEmpty)
    #expect(client.schemaViolations == [])
  }

  @Test func exitWithoutShutdownEndsWithCodeOne() throws {
    let client = try TestClient.spawn()
    try client.initialize()
    client.notify("exit")
    #expect(client.waitForExit() == 1)
    #expect(client.schemaViolations == [])
  }

  @Test func endOfInputEndsTheProcessCleanly() throws {
    let client = try TestClient.spawn()
    try client.initialize()
    _ = try client.request("shutdown")
    client.closeInput()
    #expect(client.waitForExit() == 0)
    #expect(client.schemaViolations == [])
  }
}
