/// The version of Dateline, reported by `dateline --version` and in the server's `serverInfo`.
public enum DatelineVersion {
  public static let current = "0.1.0"
}
