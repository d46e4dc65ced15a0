/// The text of `dateline --help`.
enum Usage {
  static let text = """
    Dateline: a language server and checker for news articles.

    Usage:
      dateline [--stdio] [--log-level LEVEL]   serve LSP on stdin/stdout (the default)
      dateline check [OPTIONS] FILE...         print the findings for each article
      dateline outline [--format FORMAT] FILE...
                                               print the headline and sections of each article
      dateline dictionaries [--format FORMAT] [LANGUAGE...]
                                               list the Hunspell dictionaries found, or read the one
                                               used for each LANGUAGE (fr, en_US, de-DE…)
      dateline dictionaries --licences         print the licences of the bundled dictionaries
      dateline --version                       print the version
      dateline --help                          print this help

    Options:
      --stdio              speak LSP over stdin and stdout (the only transport)
      --log-level LEVEL    what goes to stderr: error, warning (default), info, debug
      --format FORMAT      text (default) or json
      --fail-on SEVERITY   check exits with 1 when a finding is at least this serious:
                           error, warning (default), information, hint, or never

    A folder stands for the .news, .md and .txt files inside it (README and similar skipped).
    Articles: .news and .md are read as Markdown (front matter, # headings, [Name]{.person}
    annotations); .txt as text pasted from a web page. Findings print as
    FILE:LINE:COLUMN: SEVERITY: MESSAGE [RULE], lines and columns counted from 1 in characters.

    Dictionaries: French (fr) and American English (en_US) are built in. Others are found by
    language code in $DICPATH, ~/.local/share/hunspell, /usr/local/share/hunspell,
    /usr/share/hunspell and /usr/share/myspell (de_DE.aff and de_DE.dic for de_DE or de);
    fr_FR falls back to fr. `dateline dictionaries` exits with 1 when a LANGUAGE has none.

    Exit status: 0 when nothing reaches --fail-on, 1 when something does, 2 for a usage error
    or a file that cannot be read (the other files are still checked).

    """
}

/// A command line that cannot be run: the message for stderr; the exit code is 2.
struct UsageError: Error, Equatable {
  var message: String
}
