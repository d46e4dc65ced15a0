#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Readings of the monotonic clock, in nanoseconds: one `clock_gettime` call, no allocation.
enum MonotonicClock {
  static func nanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }

  /// Milliseconds between two readings.
  static func milliseconds(from start: UInt64, to end: UInt64) -> Double {
    Double(end - start) / 1_000_000
  }

  /// Seconds between two readings.
  static func seconds(from start: UInt64, to end: UInt64) -> Double {
    Double(end - start) / 1_000_000_000
  }
}

/// The order statistics of a series of measurements (one value per run).
struct Summary {
  /// The measurements, smallest first.
  let sorted: [Double]

  init(_ values: [Double]) {
    precondition(!values.isEmpty, "a summary needs at least one measurement")
    sorted = values.sorted()
  }

  var count: Int { sorted.count }
  var minimum: Double { sorted[0] }
  var maximum: Double { sorted[sorted.count - 1] }

  /// The middle value; the mean of the two middle values for an even count.
  var median: Double {
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// The nearest-rank percentile: the smallest value with at least `percent`% of values at or below it.
  func percentile(_ percent: Double) -> Double {
    let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
  }
}
