using BenchmarkDotNet.Running;

namespace RiskMonitor.Benchmarks;

// A named Program: the app assembly this project references already owns the global top-level one.
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new ShortInProcessConfig());
}
