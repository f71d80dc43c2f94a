using System.Text;
using RiskMonitor.Ingest.Tabular;

namespace RiskMonitor.Ingest.Sample;

/// <summary>Writes ground-truth.csv: one line per planted risk, for scoring what detection finds.</summary>
internal static class GroundTruth
{
    public const string FileName = "ground-truth.csv";

    public static readonly IReadOnlyList<string> Header = ["scenario", "category", "region", "start_month", "peak_month", "level"];

    /// <remarks>Plain UTF-8 without a byte-order mark: this file is for tools and scripts, not for Excel.</remarks>
    public static string Write(string directory, IEnumerable<PlantedScenario> scenarios)
    {
        var path = Path.Combine(directory, FileName);
        using var writer = new CsvTabularWriter(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.WriteRow(Header);
        foreach (var s in scenarios)
        {
            writer.WriteRow([s.Scenario, s.Category, s.Region, Month(s.Start), Month(s.Peak), s.Level.ToString()]);
        }

        return path;
    }

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
