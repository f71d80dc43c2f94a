using RiskMonitor.Core;

namespace RiskMonitor.Analytics.Detection;

/// <summary>Builds a detector from its command-line name and options.</summary>
public static class DetectorFactory
{
    /// <summary>The method names the command line accepts.</summary>
    public static IReadOnlyList<string> Methods { get; } = ["ears-c1", "ears-c2", "ears-c3", "cusum", "farrington"];

    /// <summary>The detector for <see cref="DetectorOptions.Method"/> (case-insensitive).</summary>
    /// <exception cref="RiskMonitorException">The method is unknown or an option does not apply to it or is out of range.</exception>
    public static IAberrationDetector Create(DetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var method = options.Method?.Trim().ToLowerInvariant();
        return method switch
        {
            "ears-c1" => new EarsC1Detector(Ears(options)),
            "ears-c2" => new EarsC2Detector(Ears(options)),
            "ears-c3" => new EarsC3Detector(Ears(options)),
            "cusum" => new CusumDetector(Cusum(options)),
            "farrington" => new FarringtonFlexibleDetector(Farrington(options)),
            _ => throw new RiskMonitorException(
                $"未知的检测方法“{options.Method}”，可选：{string.Join("、", Methods)}。"),
        };
    }

    private static EarsOptions Ears(DetectorOptions options) =>
        new(options.Baseline ?? 7, options.Alpha, options.MinSigma);

    private static CusumOptions Cusum(DetectorOptions options)
    {
        if (options.Alpha is not null)
        {
            throw new RiskMonitorException("CUSUM 方法不使用显著性水平 alpha，其灵敏度由参考值 k 与决策界限 h 决定。");
        }

        return new CusumOptions(Baseline: options.Baseline ?? 7, MinSigma: options.MinSigma);
    }

    private static FarringtonOptions Farrington(DetectorOptions options)
    {
        var defaults = new FarringtonOptions();
        return defaults with { B = options.Baseline ?? defaults.B, Alpha = options.Alpha ?? defaults.Alpha };
    }
}
