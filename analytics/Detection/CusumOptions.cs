using RiskMonitor.Core;

namespace RiskMonitor.Analytics.Detection;

/// <summary>Settings of the <see cref="CusumDetector"/>.</summary>
/// <param name="K">Reference value subtracted from each standardised count (1.04 in <c>surveillance::cusum</c>).</param>
/// <param name="H">Decision boundary: the sum alarms when it reaches H (2.26 in <c>surveillance::cusum</c>).</param>
/// <param name="Baseline">Number of preceding periods whose mean is the expected count.</param>
/// <param name="MinSigma">Lower bound on the standardising √m, so that a zero baseline mean stays defined.</param>
public sealed record CusumOptions(double K = 1.04, double H = 2.26, int Baseline = 7, double MinSigma = 0)
{
    /// <summary>Throws a <see cref="RiskMonitorException"/> naming the first unusable setting.</summary>
    public void Validate()
    {
        if (!(K >= 0) || double.IsInfinity(K))
        {
            throw new RiskMonitorException($"CUSUM 参考值 k 须为非负有限数，当前为 {K}。");
        }

        if (!(H > 0) || double.IsInfinity(H))
        {
            throw new RiskMonitorException($"CUSUM 决策界限 h 须为正的有限数，当前为 {H}。");
        }

        if (Baseline < 1)
        {
            throw new RiskMonitorException($"CUSUM 的基线期数至少为 1，当前为 {Baseline}。");
        }

        if (!(MinSigma >= 0) || double.IsInfinity(MinSigma))
        {
            throw new RiskMonitorException($"最小标准差须为非负有限数，当前为 {MinSigma}。");
        }
    }
}
