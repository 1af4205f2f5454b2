using BenchmarkDotNet.Running;

// Each *Benchmarks class is one suite; pick with --filter, e.g. --filter '*LogMel*'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
