print("benchmarks to come")
