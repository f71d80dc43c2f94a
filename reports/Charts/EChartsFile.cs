namespace RiskMonitor.Reports.Charts;

/// <summary>A copy of the ECharts library on disk for pages that are written in bulk and load it by relative path.</summary>
public static class EChartsFile
{
    /// <summary>Writes <c>assets/echarts.min.js</c> under <paramref name="reportsDirectory"/> unless an identical copy is there.</summary>
    public static string Ensure(string reportsDirectory)
    {
        var directory = Path.Combine(reportsDirectory, "assets");
        var path = Path.Combine(directory, "echarts.min.js");
        var bytes = EChartsAsset.Bytes;
        if (File.Exists(path) && new FileInfo(path).Length == bytes.Length)
        {
            return path;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllBytes(path + ".partial", bytes.ToArray());
        File.Move(path + ".partial", path, overwrite: true);
        return path;
    }
}
