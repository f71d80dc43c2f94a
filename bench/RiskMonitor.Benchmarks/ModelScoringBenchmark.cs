using BenchmarkDotNet.Attributes;
using RiskMonitor.Analytics.Model;

namespace RiskMonitor.Benchmarks;

/// <summary>
/// Scoring throughput of the level model: a five-class booster of the shipped shape (60 rounds, depth 3, every feature)
/// trained on synthetic rows, scoring 10,000 subject-months per call. Per-row times: divide by nothing, BenchmarkDotNet
/// reports per operation with <c>OperationsPerInvoke</c> = rows. The baseline is probabilities alone; the full prediction
/// adds the SHAP contributions that every stored assessment carries.
/// </summary>
[Config(typeof(ShortInProcess))]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes, and benchmark classes may not be sealed.")]
public class ModelScoringBenchmark
{
    private const int Rows = 10_000;

    private RiskModel? _model;
    private List<float[]> _rows = [];
    private XgbMatrix? _matrix;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261031);
        var features = RiskFeatures.Names.Count;
        float[] Row() => Enumerable.Range(0, features).Select(_ => (float)random.NextDouble() * 4).ToArray();
        var training = Enumerable.Range(0, 5_000).Select(_ => Row()).ToList();
        // A learnable rule: the level follows the sum of the first five features.
        var labels = training.Select(r => (float)Math.Min(4, (int)(r.Take(5).Sum() / 4))).ToArray();
        using var matrix = XgbMatrix.FromRows(training, labels);
        _model = new RiskModel("bench", XgbBooster.Train(matrix, ModelTrainer.Parameters), RiskFeatures.Names);
        _rows = Enumerable.Range(0, Rows).Select(_ => Row()).ToList();
        _matrix = XgbMatrix.FromRows(_rows);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows, Description = "class probabilities per row")]
    public float[,] Probabilities() => _model!.Booster.PredictProbabilities(_matrix!);

    [Benchmark(OperationsPerInvoke = Rows, Description = "SHAP contributions per row (native)")]
    public float[,,] Contributions() => _model!.Booster.PredictContributions(_matrix!);

    [Benchmark(OperationsPerInvoke = Rows, Description = "level + probability + SHAP per row")]
    public int Verdicts() => _model!.Predict(_rows).Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        _matrix?.Dispose();
        _model?.Dispose();
    }
}
