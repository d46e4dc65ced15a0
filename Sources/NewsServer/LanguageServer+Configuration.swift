import JSONRPC
import LanguageServerProtocol

extension LanguageServer {
  /// Asks for `workspace/didChangeConfiguration` when the client registers notifications dynamically
  /// (some clients send it only then).
  func registerForConfigurationChanges() {
    guard client.capabilities.supportsDidChangeConfigurationRegistration else { return }
    let registration = RegisterCapabilityRequest.Registration(
      id: "dateline-configuration", method: DidChangeConfigurationNotification.method,
      registerOptions: ["section": "dateline"])
    connection.sendRequest(
      method: RegisterCapabilityRequest.method, params: RegisterCapabilityRequest(registrations: [registration])
    ) { [logger] result in
      if case .failure(let error) = result { logger.warning("client refused configuration registration: \(error.message)") }
    }
  }

  /// Pulls the `dateline` section with `workspace/configuration` when the client supports it.
  func requestConfiguration() {
    guard client.capabilities.supportsConfigurationRequest else { return }
    let request = ConfigurationRequest(items: [ConfigurationRequest.Item(section: "dateline")])
    connection.sendRequest(method: ConfigurationRequest.method, params: request) { [weak self] result in
      guard let self else { return }
      self.queue.async {
        switch result {
        case .success(.array(let sections)):
          if let section = sections.first, section != .null { self.settingsChanged(workspace: section) }
        case .success(let other):
          self.logger.warning("workspace/configuration answered \(other), not an array; ignored")
        case .failure(let error):
          self.logger.warning("workspace/configuration failed: \(error.message)")
        }
      }
    }
  }

  func didChangeConfiguration(_ notification: DidChangeConfigurationNotification) {
    // Clients that pull send an empty notification as a hint; the others push the settings.
    if let settings = notification.settings, settings != .null, settings != .object([:]) {
      settingsChanged(workspace: settings["dateline"] ?? settings)
    } else {
      requestConfiguration()
    }
  }

  private func settingsChanged(workspace section: JSONValue) {
    settings.workspace = section
    logger.info("settings: \(settings.merged)")
    applySettings()
  }

  /// Acts on new editor settings: every open document is checked again with them.
  func applySettings() {
    checkState.editorSettings = nil
    dictionaryStore.forgetFailures()
    checkState.reportedFailures = []
    recheckAllDocuments()
  }
}
