import Foundation

/// Facts about the machine and the build that the figures depend on, for the report header.
struct MachineFacts: Codable {
  var cpu: String
  var cores: Int
  var kernel: String
  /// The 1-minute load average when the run began.
  var loadAverage: Double
  /// The share (0–100 %) of all CPUs' time that other processes used during the run; set when the
  /// run is over, nil where it cannot be measured.
  var otherWorkPercent: Double?
  var swiftCompiler: String
  /// `release` or `debug`: how dateline-bench itself was built.
  var buildConfiguration: String
  /// The `dateline` binary the server benchmarks spawn, or nil when none was found.
  var server: String?
  /// Whether that binary loads the Swift runtime as a shared library (`dynamic`) or carries it (`static`).
  var serverSwiftRuntime: String?
  var date: String

  static func collect(server: String?) -> MachineFacts {
    MachineFacts(
      cpu: cpuModel(), cores: ProcessInfo.processInfo.activeProcessorCount, kernel: kernelRelease(),
      loadAverage: loadAverageNow(), otherWorkPercent: nil,
      swiftCompiler: compilerVersion, buildConfiguration: isDebugBuild ? "debug" : "release",
      server: server, serverSwiftRuntime: server.map(swiftRuntimeLinkage),
      date: ISO8601DateFormatter().string(from: Date()))
  }

  #if DEBUG
    static let isDebugBuild = true
  #else
    static let isDebugBuild = false
  #endif

  /// The compiler that built this binary, as far as `#if compiler` can tell (free at run time).
  static var compilerVersion: String {
    #if compiler(>=6.4)
      return "Swift 6.4 or later"
    #elseif compiler(>=6.3)
      return "Swift 6.3"
    #elseif compiler(>=6.2)
      return "Swift 6.2"
    #elseif compiler(>=6.1)
      return "Swift 6.1"
    #else
      return "Swift 6.0"
    #endif
  }

  /// Loud warnings about debug builds, whose figures are meaningless.
  func buildWarnings() -> [String] {
    var lines: [String] = []
    if buildConfiguration == "debug" {
      lines.append("WARNING: dateline-bench is a DEBUG build; its own figures are meaningless. "
        + "Run `swift run -c release dateline-bench`.")
    }
    if let server, server.split(separator: "/").contains("debug") {
      lines.append("WARNING: the server binary \(server) is a DEBUG build; build it with `swift build -c release`.")
    }
    return lines
  }

  /// A warning when other processes used more than 5 % of the CPUs during the run, or nil.
  func loadWarning() -> String? {
    guard let others = otherWorkPercent, others > 5 else { return nil }
    return "WARNING: other processes used \(Int(others.rounded())) % of the CPUs during the run; "
      + "the figures are slower and noisier than on an idle machine."
  }

  /// The lines above the table.
  func header() -> String {
    var lines = ["Dateline benchmarks, \(date)"]
    lines.append("CPU     \(cpu), \(cores) cores")
    lines.append("Kernel  \(kernel)")
    let others = otherWorkPercent.map { "\(Int($0.rounded())) %" } ?? "unknown"
    lines.append(
      "Load    other processes used \(others) of the CPUs during the run; "
        + "load average \(String(format: "%.2f", loadAverage)) at start")
    lines.append("Swift   built with \(swiftCompiler), \(buildConfiguration) configuration")
    if let server {
      lines.append("Server  \(server) (Swift runtime linked \(serverSwiftRuntime ?? "?"))")
    }
    for warning in buildWarnings() + [loadWarning()].compactMap({ $0 }) {
      lines.append("")
      lines.append("!!! \(warning)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The `model name` line of /proc/cpuinfo.
  static func cpuModel() -> String {
    guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown CPU" }
    for line in info.split(separator: "\n") where line.hasPrefix("model name") {
      if let colon = line.firstIndex(of: ":") {
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      }
    }
    return "unknown CPU"
  }

  /// The 1-minute load average, from getloadavg(3).
  static func loadAverageNow() -> Double {
    var loads = [0.0, 0.0, 0.0]
    return getloadavg(&loads, 3) > 0 ? loads[0] : -1
  }

  /// The operating system and its release, from uname(2).
  static func kernelRelease() -> String {
    var names = utsname()
    uname(&names)
    func field<T>(_ value: T) -> String {
      withUnsafeBytes(of: value) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
    }
    return "\(field(names.sysname)) \(field(names.release)) \(field(names.machine))"
  }

  /// `dynamic` when the binary names libswiftCore as a shared library it needs, else `static`.
  static func swiftRuntimeLinkage(_ path: String) -> String {
    guard let data = FileManager.default.contents(atPath: path) else { return "unknown" }
    return data.range(of: Data("libswiftCore.so".utf8)) != nil ? "dynamic" : "static"
  }
}
