using RiskMonitor.Core;

namespace RiskMonitor.Reports.Charts;

/// <summary>
/// Apache ECharts (<c>dist/echarts.min.js</c> of the pinned npm release), shipped inside this assembly. Reports inline it
/// so that a saved HTML file and its PDF render without any network; the dashboard serves the same bytes.
/// </summary>
public static class EChartsAsset
{
    public const string Version = "6.1.0";
    private const string ResourceName = "RiskMonitor.Reports.echarts.min.js";
    private static readonly Lazy<byte[]> Content = new(Load);

    /// <summary>The script's bytes (UTF-8).</summary>
    public static ReadOnlyMemory<byte> Bytes => Content.Value;

    /// <summary>The script as text, for inlining.</summary>
    public static string Script => System.Text.Encoding.UTF8.GetString(Content.Value);

    private static byte[] Load()
    {
        using var stream = typeof(EChartsAsset).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new RiskMonitorException($"缺少图表库 ECharts {Version}（echarts.min.js 未随程序构建）：请运行一次 ./riskmonitor 以获取并重新构建");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
