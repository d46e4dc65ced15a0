import LanguageServerProtocol
import NewsServer
import Testing

/// Which position encoding the server picks from the client's `general.positionEncodings`.
@Suite struct PositionEncodingNegotiationTests {
  static func negotiate(_ offered: [String]) -> String {
    ClientState.negotiateEncoding(offered: offered.map(PositionEncodingKind.init(rawValue:))).rawValue
  }

  @Test func theClientsFirstChoiceWins() {
    #expect(Self.negotiate(["utf-8", "utf-16"]) == "utf-8")
    #expect(Self.negotiate(["utf-32", "utf-8", "utf-16"]) == "utf-32")
    #expect(Self.negotiate(["utf-16", "utf-8"]) == "utf-16")
  }

  @Test func encodingsTheServerDoesNotSpeakAreSkipped() {
    #expect(Self.negotiate(["utf-7", "utf-8"]) == "utf-8")
    #expect(Self.negotiate(["UTF-8", "utf-32"]) == "utf-32", "names are case-sensitive in LSP")
    #expect(Self.negotiate(["latin1"]) == "utf-16")
  }

  @Test func noneOfferedMeansUTF16() {
    #expect(Self.negotiate([]) == "utf-16")
  }
}
