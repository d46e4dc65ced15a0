#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Measures how much CPU other processes used while the benchmarks ran: the machine's busy time
/// (from /proc/stat) minus the time used by dateline-bench and the servers it spawned and waited
/// for (from getrusage). Figures taken while other work runs are slower and noisier.
struct OtherWorkMeter {
  private let machineStart: (busy: Double, total: Double)?
  private let ownStart: Double

  init() {
    machineStart = Self.machineSeconds()
    ownStart = Self.ownSeconds()
  }

  /// The share (0–100 %) of all CPUs' time that other processes used since `init`, or nil where
  /// /proc/stat cannot be read.
  func percent() -> Double? {
    guard let start = machineStart, let end = Self.machineSeconds(), end.total > start.total else { return nil }
    let others = (end.busy - start.busy) - (Self.ownSeconds() - ownStart)
    return max(0, min(100, 100 * others / (end.total - start.total)))
  }

  /// Busy and total CPU seconds, all CPUs together, from the `cpu` line of /proc/stat
  /// (user nice system idle iowait irq softirq steal, in clock ticks).
  private static func machineSeconds() -> (busy: Double, total: Double)? {
    guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
      let line = stat.split(separator: "\n").first, line.hasPrefix("cpu ")
    else { return nil }
    let ticks = line.split(separator: " ").dropFirst().prefix(8).compactMap { Double($0) }
    guard ticks.count == 8 else { return nil }
    let perSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
    let total = ticks.reduce(0, +)
    return ((total - ticks[3] - ticks[4]) / perSecond, total / perSecond)
  }

  /// User and system CPU seconds of this process and of its waited-for children.
  private static func ownSeconds() -> Double {
    func seconds(_ who: Int32) -> Double {
      var usage = rusage()
      getrusage(__rusage_who_t(who), &usage)
      func value(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
      return value(usage.ru_utime) + value(usage.ru_stime)
    }
    return seconds(RUSAGE_SELF.rawValue) + seconds(RUSAGE_CHILDREN.rawValue)
  }
}
