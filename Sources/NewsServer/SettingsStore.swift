import JSONRPC

/// The `dateline` settings from each place a client can give them, merged in order of precedence:
/// `initializationOptions`, then what `workspace/configuration` answered or
/// `workspace/didChangeConfiguration` pushed.
package struct SettingsStore {
  /// From `initialize`; either the settings themselves or an object with a `dateline` member.
  package var initializationOptions: JSONValue?
  /// The latest `dateline` section from the client's configuration.
  package var workspace: JSONValue?

  package init(initializationOptions: JSONValue? = nil, workspace: JSONValue? = nil) {
    self.initializationOptions = initializationOptions
    self.workspace = workspace
  }

  /// The effective settings object.
  package var merged: JSONValue {
    var result: JSONValue = .object([:])
    for layer in [initializationOptions, workspace] {
      guard let layer else { continue }
      let section = layer["dateline"] ?? layer
      if case .object = section { result = result.merging(section) }
    }
    return result
  }
}
