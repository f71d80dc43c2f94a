using RiskMonitor.Core;

namespace RiskMonitor.Analytics.Detection;

/// <summary>Settings shared by the EARS C1, C2 and C3 detectors.</summary>
/// <param name="Baseline">Number of baseline periods (at least 3; 7 in EARS and <c>surveillance::earsC</c>).</param>
/// <param name="Alpha">One-sided alpha; null takes the method default (0.001 for C1 and C2, 0.025 for C3).</param>
/// <param name="MinSigma">Lower bound on the baseline standard deviation, so that a flat baseline does not alarm on one case.</param>
public sealed record EarsOptions(int Baseline = 7, double? Alpha = null, double MinSigma = 0)
{
    /// <summary>Default alpha of C1 and C2 (z ≈ 3.09, the EARS "3 standard deviations").</summary>
    public const double ShewhartAlpha = 0.001;

    /// <summary>Default alpha of C3 (z ≈ 1.96, the EARS threshold 2).</summary>
    public const double C3Alpha = 0.025;

    /// <summary>Throws a <see cref="RiskMonitorException"/> naming the first unusable setting.</summary>
    public void Validate()
    {
        if (Baseline < 3)
        {
            throw new RiskMonitorException($"EARS 方法的基线期数至少为 3，当前为 {Baseline}。");
        }

        if (Alpha is { } alpha && !(alpha > 0 && alpha < 0.5))
        {
            throw new RiskMonitorException($"显著性水平 alpha 须在 0 与 0.5 之间，当前为 {alpha}。");
        }

        if (!(MinSigma >= 0) || double.IsInfinity(MinSigma))
        {
            throw new RiskMonitorException($"最小标准差须为非负有限数，当前为 {MinSigma}。");
        }
    }

    /// <summary>This instance after <see cref="Validate"/>.</summary>
    internal EarsOptions Checked()
    {
        Validate();
        return this;
    }
}
