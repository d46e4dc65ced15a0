import Foundation

/// Finds what `swift build` produced for the tests: the `dateline` binary sits beside the test bundle.
public enum BuiltProducts {
  /// The folder holding the test bundle and the products built with it.
  public static func directory() -> URL {
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = executable.deletingLastPathComponent()
    // `…/debug/DatelinePackageTests.xctest` is a file on Linux; step out of a bundle folder if needed.
    while directory.pathExtension == "xctest" || directory.lastPathComponent == "Contents"
      || directory.lastPathComponent == "MacOS"
    {
      directory.deleteLastPathComponent()
    }
    return directory
  }

  /// The built `dateline` executable.
  public static func dateline() throws -> URL {
    let url = directory().appendingPathComponent("dateline")
    guard FileManager.default.isExecutableFile(atPath: url.path) else {
      throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey:
        "dateline is not built at \(url.path); run `swift build` first"])
    }
    return url
  }
}
