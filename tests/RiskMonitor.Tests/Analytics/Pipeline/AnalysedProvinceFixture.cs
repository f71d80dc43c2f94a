using RiskMonitor.Analytics.Assessment;
using RiskMonitor.Analytics.Evaluation;
using RiskMonitor.Analytics.Model;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Pipeline;
using RiskMonitor.Ingest.Sample;

namespace RiskMonitor.Tests.Analytics.Pipeline;

/// <summary>
/// The whole pipeline once, on the Small 24-month sample province with the default seed (20261031): generate, ingest every
/// file, assess every month by rule, evaluate; then train the model on labels derived from the ground truth, assess every
/// month again with it, evaluate again. The warehouse file stays for the tests that read it (copy it before changing it).
/// </summary>
public sealed class AnalysedProvinceFixture : IDisposable
{
    public const int Seed = 20261031;

    private readonly TempDirectory _directory = new();

    public AnalysedProvinceFixture()
    {
        Sample = SampleProvince.Generate(new SampleOptions(_directory.File("input"), 24, Seed, SampleScale.Small));
        DatabasePath = _directory.File("riskmonitor.duckdb");
        using var warehouse = RiskWarehouse.Open(DatabasePath);
        using (var ingest = new IngestRunner(warehouse, new byte[32]))
        {
            foreach (var file in Sample.Files.OrderBy(f => f.Month).ThenBy(f => f.Source, StringComparer.Ordinal))
            {
                ingest.Ingest(IngestSources.Parse(file.Source), file.Path);
            }
        }

        Truth = LevelFiles.ReadTruth(Sample.GroundTruthPath, warehouse.Reference);
        using var connection = warehouse.Connect();
        var rules = new AssessmentRunner(warehouse.Reference);
        for (var month = Sample.FirstMonth; month <= Sample.LastMonth; month = month.AddMonths(1))
        {
            rules.Analyze(connection, month);
        }

        RuleReport = WarningEvaluator.Evaluate(connection, Truth);
        LabelPath = _directory.File("labels.csv");
        LevelFiles.WriteLabels(LabelPath, TruthWindows.Labels(Truth, Sample.FirstMonth, Sample.LastMonth), warehouse.Reference);
        Model = ModelTrainer.Train(connection, LevelFiles.ReadLabels(LabelPath, warehouse.Reference), LabelPath, ModelDirectory, DateTime.UnixEpoch);
        using (var model = ModelRegistry.LoadActive(connection))
        {
            var withModel = new AssessmentRunner(warehouse.Reference, model: model);
            for (var month = Sample.FirstMonth; month <= Sample.LastMonth; month = month.AddMonths(1))
            {
                withModel.AssessMonth(connection, month, DateTime.UnixEpoch);
            }
        }

        FinalReport = WarningEvaluator.Evaluate(connection, Truth);
        RuleOnlyAfterModel = WarningEvaluator.Evaluate(connection, Truth, ruleLevelOnly: true);
    }

    public SampleSummary Sample { get; }

    public string DatabasePath { get; }

    public string LabelPath { get; }

    public string ModelDirectory => _directory.File("models");

    public IReadOnlyList<PlantedRisk> Truth { get; }

    /// <summary>Rule levels before any model existed.</summary>
    public EvaluationReport RuleReport { get; }

    /// <summary>Final levels with the model trained on the derived labels.</summary>
    public EvaluationReport FinalReport { get; }

    /// <summary>The rule-level column after re-assessment with the model: it must not have moved.</summary>
    public EvaluationReport RuleOnlyAfterModel { get; }

    public ModelInfo Model { get; }

    /// <summary>A copy of the analysed warehouse (and its model files stay where they are) for a test that changes it.</summary>
    public string CopyDatabase(TempDirectory into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var copy = into.File("copy.duckdb");
        File.Copy(DatabasePath, copy);
        return copy;
    }

    public void Dispose() => _directory.Dispose();
}

[CollectionDefinition(Name)]
public sealed class AnalysedProvinceGroup : ICollectionFixture<AnalysedProvinceFixture>
{
    public const string Name = "analysed sample province";
}
