import Foundation

/// Facts about the machine and the build that the figures depend on, for the report header.
struct MachineFacts: Codable {
  var cpu: String
  var cores: Int
  var kernel: String
  /// The 1-minute load average when the run began.
  var loadAverage: Double
  /// How busy the CPUs were (0–100 %) over 0.2 s just before the run, while dateline-bench slept:
  /// other work on the machine slows the figures and spreads them. Nil where /proc/stat is missing.
  var busyPercentAtStart: Double?
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
      loadAverage: loadAverageNow(), busyPercentAtStart: busyPercent(),
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

  /// The loud warning printed when the figures cannot be trusted, or nil.
  func warnings() -> [String] {
    var lines: [String] = []
    if buildConfiguration == "debug" {
      lines.append("WARNING: dateline-bench is a DEBUG build; its own figures are meaningless. "
        + "Run `swift run -c release dateline-bench`.")
    }
    if let busy = busyPercentAtStart, busy > 10 {
      lines.append("WARNING: the CPUs were \(Int(busy)) % busy with other work just before the run; "
        + "the figures will be slower and noisier than on an idle machine.")
    }
    if let server, server.split(separator: "/").contains("debug") {
      lines.append("WARNING: the server binary \(server) is a DEBUG build; build it with `swift build -c release`.")
    }
    return lines
  }

  /// The lines above the table.
  func header() -> String {
    var lines = ["Dateline benchmarks, \(date)"]
    lines.append("CPU     \(cpu), \(cores) cores")
    lines.append("Kernel  \(kernel)")
    let busy = busyPercentAtStart.map { "\(Int($0.rounded())) %" } ?? "unknown"
    lines.append("Load    \(busy) busy at start, load average \(String(format: "%.2f", loadAverage))")
    lines.append("Swift   built with \(swiftCompiler), \(buildConfiguration) configuration")
    if let server {
      lines.append("Server  \(server) (Swift runtime linked \(serverSwiftRuntime ?? "?"))")
    }
    for warning in warnings() {
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

  /// The share of CPU time not idle across all CPUs over 0.2 s, from two readings of /proc/stat.
  static func busyPercent() -> Double? {
    /// Busy and total jiffies from the `cpu` line: user nice system idle iowait irq softirq steal.
    func sample() -> (busy: Double, total: Double)? {
      guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
        let line = stat.split(separator: "\n").first, line.hasPrefix("cpu ")
      else { return nil }
      let values = line.split(separator: " ").dropFirst().prefix(8).compactMap { Double($0) }
      guard values.count == 8 else { return nil }
      let total = values.reduce(0, +)
      return (total - values[3] - values[4], total)
    }
    guard let before = sample() else { return nil }
    usleep(200_000)
    guard let after = sample(), after.total > before.total else { return nil }
    return 100 * (after.busy - before.busy) / (after.total - before.total)
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
