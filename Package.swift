// swift-tools-version:6.0
// Formatting style: one section for each target and its test target; dependencies on separate lines.
import PackageDescription

let package = Package(
  name: "Dateline",
  products: [
    .executable(name: "dateline", targets: ["dateline"]),
    .executable(name: "dateline-bench", targets: ["dateline-bench"]),
  ],
  targets: [
    // The command-line front end: `dateline --stdio`, `dateline check`, `dateline outline`.
    .executableTarget(
      name: "dateline",
      dependencies: [
        "DatelineCommands"
      ]
    ),
    .target(
      name: "DatelineCommands",
      dependencies: [
        "NewsAnalysis",
        "NewsServer",
      ]
    ),

    // Benchmarks: `swift run -c release dateline-bench`.
    .executableTarget(
      name: "dateline-bench",
      dependencies: [
        "JSONRPC",
        "LanguageServerProtocol",
        "NewsAnalysis",
      ]
    ),

    // JSON-RPC 2.0 over LSP base-protocol framing: bytes, envelopes, errors.
    .target(name: "JSONRPC"),
    .testTarget(
      name: "JSONRPCTests",
      dependencies: [
        "JSONRPC",
        "TestSupport",
      ]
    ),

    // LSP 3.17 message types for the subset Dateline uses.
    .target(
      name: "LanguageServerProtocol",
      dependencies: [
        "JSONRPC"
      ]
    ),
    .testTarget(
      name: "LanguageServerProtocolTests",
      dependencies: [
        "LanguageServerProtocol",
        "TestSupport",
      ]
    ),

    // The analysis core: articles, words, dictionaries, findings. Knows nothing of LSP.
    .target(
      name: "NewsAnalysis",
      dependencies: [
        "CDatelineDictionaries"
      ]
    ),
    .testTarget(
      name: "NewsAnalysisTests",
      dependencies: [
        "NewsAnalysis",
        "TestSupport",
      ]
    ),

    // The bundled Hunspell dictionaries (French, American English) and their licences, compiled into
    // the binary with C23 `#embed`: data/README.md says where they come from and how to update them.
    .target(
      name: "CDatelineDictionaries",
      exclude: [
        "data"
      ]
    ),

    // The language server: maps LSP to the analysis core.
    .target(
      name: "NewsServer",
      dependencies: [
        "JSONRPC",
        "LanguageServerProtocol",
        "NewsAnalysis",
      ]
    ),
    .testTarget(
      name: "NewsServerTests",
      dependencies: [
        "LanguageServerProtocol",
        "NewsAnalysis",
        "NewsServer",
        "TestSupport",
      ]
    ),

    // End-to-end tests: they spawn the built `dateline` binary and speak framed bytes to it.
    .testTarget(
      name: "EndToEndTests",
      dependencies: [
        "TestSupport"
      ]
    ),

    // Helpers shared by the test targets: a framed-bytes LSP test client, JSON Schema validation, fixtures.
    .target(
      name: "TestSupport",
      dependencies: [
        "JSONRPC"
      ]
    ),
  ]
)
