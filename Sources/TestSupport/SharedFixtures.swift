import Foundation

/// Paths to the project and to the read-only `shared/` folder beside it (LSP meta model, Hunspell
/// test cases, articles, corpus), found from this source file's location.
public enum SharedFixtures {
  /// The package root.
  public static let projectRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `../shared` beside the project.
  public static let shared: URL = projectRoot.deletingLastPathComponent().appendingPathComponent("shared")

  public static func shared(_ path: String) -> URL { shared.appendingPathComponent(path) }

  public static func project(_ path: String) -> URL { projectRoot.appendingPathComponent(path) }
}
