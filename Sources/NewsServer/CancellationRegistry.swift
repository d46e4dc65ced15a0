import JSONRPC
import Synchronization

/// The requests received and not yet answered, and which of them the client has cancelled.
///
/// Thread-safe: the reading thread registers requests and cancellations as they arrive, ahead of the
/// server queue, so a `$/cancelRequest` overtakes the work queued before it.
final class CancellationRegistry: Sendable {
  private struct State {
    var pending: Set<RequestID> = []
    var cancelled: Set<RequestID> = []
  }

  private let state = Mutex(State())

  /// Records a request as received.
  func begin(_ id: RequestID) {
    state.withLock { _ = $0.pending.insert(id) }
  }

  /// Marks a pending request cancelled; an id already answered (or never seen) is ignored.
  func cancel(_ id: RequestID) {
    state.withLock {
      if $0.pending.contains(id) { $0.cancelled.insert(id) }
    }
  }

  func isCancelled(_ id: RequestID) -> Bool {
    state.withLock { $0.cancelled.contains(id) }
  }

  /// Forgets a request once it is answered.
  func end(_ id: RequestID) {
    state.withLock {
      $0.pending.remove(id)
      $0.cancelled.remove(id)
    }
  }
}
