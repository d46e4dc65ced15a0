#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import DatelineCommands

#if canImport(Glibc)
/// glibc's `mallopt` (malloc.h, which the Glibc module does not export).
@_silgen_name("mallopt") private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
/// `M_ARENA_MAX` of malloc.h.
private let mallocArenaMaximum: Int32 = -8
// Articles are checked on every core; glibc would give each checking thread a heap of its own,
// where what one thread frees stays out of the others' reach. One heap keeps the peak down.
_ = mallopt(mallocArenaMaximum, 1)
#endif

exit(Entry.run(Array(CommandLine.arguments.dropFirst())))
