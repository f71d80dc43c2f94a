namespace RiskMonitor.Ingest.Mapping;

/// <summary>The three kinds of input (regulation 003 Art. 10–11).</summary>
public enum IngestSource
{
    Complaints,
    SpotChecks,
    StationReports,
}

public static class IngestSources
{
    /// <summary>The name used on the command line and in lineage: complaints, spot-checks, station-reports.</summary>
    public static string Name(this IngestSource source) => source switch
    {
        IngestSource.Complaints => "complaints",
        IngestSource.SpotChecks => "spot-checks",
        _ => "station-reports",
    };

    /// <summary>投诉举报, 监督抽查, 监测站月报.</summary>
    public static string ChineseName(this IngestSource source) => source switch
    {
        IngestSource.Complaints => "12315投诉",
        IngestSource.SpotChecks => "监督抽查结果",
        _ => "监测站月报",
    };

    public static IngestSource Parse(string name) => name switch
    {
        "complaints" => IngestSource.Complaints,
        "spot-checks" => IngestSource.SpotChecks,
        "station-reports" => IngestSource.StationReports,
        _ => throw new RiskMonitor.Core.RiskMonitorException($"未知的数据来源“{name}”（应为 complaints、spot-checks 或 station-reports）"),
    };
}
