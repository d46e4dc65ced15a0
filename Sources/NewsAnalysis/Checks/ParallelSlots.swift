import Synchronization

/// One result per slot, filled by concurrent workers (a `DispatchQueue.concurrentPerform`), then
/// read once every worker is done. One lock for all slots: each worker takes it once per result.
final class ParallelSlots<Value: Sendable>: Sendable {
  private let slots: Mutex<[Value?]>

  init(count: Int) {
    slots = Mutex([Value?](repeating: nil, count: count))
  }

  func set(_ slot: Int, _ value: Value) {
    slots.withLock { $0[slot] = value }
  }

  /// Every slot's value; each must have been set.
  var values: [Value] {
    slots.withLock { $0.map { $0! } }
  }
}
