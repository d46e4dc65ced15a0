import JSONRPC
import NewsServer
import Testing

/// The effective `dateline` settings, from `initializationOptions` and the workspace configuration.
@Suite struct SettingsStoreTests {
  @Test func nothingGivenIsAnEmptyObject() {
    #expect(SettingsStore().merged == [:])
  }

  @Test func initializationOptionsWithADatelineMember() {
    let store = SettingsStore(initializationOptions: ["dateline": ["language": "de"], "otherTool": ["x": 1]])
    #expect(store.merged == ["language": "de"])
  }

  @Test func initializationOptionsThatAreTheSettingsThemselves() {
    let store = SettingsStore(initializationOptions: ["language": "fr", "maxSentenceWords": 30])
    #expect(store.merged == ["language": "fr", "maxSentenceWords": 30])
  }

  @Test func workspaceSettingsOverrideInitializationOptionsMemberByMember() {
    let store = SettingsStore(
      initializationOptions: ["dateline": ["language": "de", "rules": ["quotes": true, "numbers": true], "keep": 1]],
      workspace: ["language": "en", "rules": ["numbers": false]])
    #expect(store.merged == ["language": "en", "rules": ["quotes": true, "numbers": false], "keep": 1])
  }

  @Test func workspaceSettingsAloneAreTheSettings() {
    #expect(SettingsStore(workspace: ["language": "en"]).merged == ["language": "en"])
  }

  @Test func workspaceSettingsUnderADatelineMemberAreUnwrappedToo() {
    let store = SettingsStore(initializationOptions: ["language": "de"], workspace: ["dateline": ["language": "it"]])
    #expect(store.merged == ["language": "it"])
  }

  @Test func layersThatAreNotObjectsAreIgnored() {
    let store = SettingsStore(initializationOptions: "fast", workspace: .null)
    #expect(store.merged == [:])
    let partly = SettingsStore(initializationOptions: ["language": "de"], workspace: ["dateline": 3])
    #expect(partly.merged == ["language": "de"])
  }
}
