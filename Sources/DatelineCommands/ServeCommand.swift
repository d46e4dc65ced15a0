#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import JSONRPC
import NewsAnalysis
import NewsServer

/// `dateline --stdio`: serves LSP on stdin and stdout.
enum ServeCommand {
  static func run(logLevel: LogLevel) -> Int32 {
    // Only protocol frames may reach stdout: keep the real stdout for the connection and point
    // descriptor 1 at stderr, so a stray print cannot corrupt the stream.
    let protocolOutput = dup(STDOUT_FILENO)
    guard protocolOutput >= 0 else {
      writeStderr("dateline: cannot duplicate stdout\n")
      return 1
    }
    dup2(STDERR_FILENO, STDOUT_FILENO)
    // A client that goes away must not kill the server with SIGPIPE; writes report EPIPE instead.
    signal(SIGPIPE, SIG_IGN)

    let logger = Logger(level: logLevel)
    let connection = JSONRPCConnection(input: STDIN_FILENO, output: protocolOutput, logger: logger)
    let server = LanguageServer(connection: connection, dictionaryStore: DictionaryStore(loader: DictionaryLoading.standard)) { code in
      close(protocolOutput)
      _exit(code)
    }
    let code = server.run()
    close(protocolOutput)
    return code
  }
}
