#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import DatelineCommands

exit(Entry.run(Array(CommandLine.arguments.dropFirst())))
