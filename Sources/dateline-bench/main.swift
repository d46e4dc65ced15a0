#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

// dateline-bench: runs the benchmarks named on the command line (all by default) and prints their
// figures as a table, or as JSON with --json.

let options: BenchOptions
do {
  options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
  progress("dateline-bench: \(error)\nRun 'dateline-bench --help' for usage.")
  exit(2)
}
if options.help {
  print(BenchOptions.usage(Benchmark.all), terminator: "")
  exit(0)
}

var selected: [Benchmark] = []
for name in options.names {
  guard let benchmark = Benchmark.all.first(where: { $0.name == name }) else {
    progress("dateline-bench: unknown benchmark '\(name)'; there are: \(Benchmark.all.map(\.name).joined(separator: ", "))")
    exit(2)
  }
  selected.append(benchmark)
}
if selected.isEmpty { selected = Benchmark.all }

var machine = MachineFacts.collect(server: try? ServerBinary.locate(options))
for warning in machine.buildWarnings() { progress("!!! \(warning)") }
let otherWork = OtherWorkMeter()

var figures: [Figure] = []
do {
  for benchmark in selected { figures += try benchmark.run(options) }
} catch {
  progress("dateline-bench: \(error)")
  exit(1)
}

machine.otherWorkPercent = otherWork.percent()
if let warning = machine.loadWarning() { progress("!!! \(warning)") }

if options.json {
  print(try Report.json(figures, machine: machine), terminator: "")
} else {
  print(Report.table(figures, machine: machine), terminator: "")
}
