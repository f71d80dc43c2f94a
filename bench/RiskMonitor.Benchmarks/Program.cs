using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(RiskMonitor.Benchmarks.AnalyzeMonthBenchmark).Assembly).Run(args);
