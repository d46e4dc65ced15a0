/// The text of `dateline --help`.
enum Usage {
  static let text = """
    Dateline: a language server and checker for news articles.

    Usage:
      dateline [--stdio] [--log-level LEVEL]   serve LSP on stdin/stdout (the default)
      dateline --version                       print the version
      dateline --help                          print this help

    Options:
      --stdio              speak LSP over stdin and stdout (the only transport)
      --log-level LEVEL    what goes to stderr: error, warning (default), info, debug

    """
}

/// A command line that cannot be run: the message for stderr; the exit code is 2.
struct UsageError: Error, Equatable {
  var message: String
}
