using RiskMonitor.Core;

namespace RiskMonitor.Analytics.Detection;

/// <summary>Settings of the <see cref="FarringtonFlexibleDetector"/>; the defaults are those of the improved method.</summary>
/// <param name="B">Years of history to use (5).</param>
/// <param name="W">Half-width of the seasonal window around the same period of past years (3).</param>
/// <param name="NoPeriods">Levels of the seasonal factor: 1 uses the windows only (original method), 10 the improved method.</param>
/// <param name="Alpha">One-sided alpha of the negative-binomial upper quantile (0.05).</param>
/// <param name="Reweight">Whether past outbreaks are down-weighted.</param>
/// <param name="WeightsThreshold">Anscombe residual above which a period is down-weighted (2.58; 1 in the original method).</param>
/// <param name="Trend">Whether a linear trend is tried.</param>
/// <param name="PThresholdTrend">Significance level at which the trend is kept (0.05).</param>
/// <param name="LimitCases">No alarm unless the last <paramref name="LimitPeriods"/> periods hold at least this many cases (5).</param>
/// <param name="LimitPeriods">Periods, the current one included, counted for <paramref name="LimitCases"/> (4).</param>
/// <param name="PastPeriodsNotIncluded">Most recent periods left out of the fit; null means <paramref name="W"/>.</param>
public sealed record FarringtonOptions(
    int B = 5,
    int W = 3,
    int NoPeriods = 10,
    double Alpha = 0.05,
    bool Reweight = true,
    double WeightsThreshold = 2.58,
    bool Trend = true,
    double PThresholdTrend = 0.05,
    int LimitCases = 5,
    int LimitPeriods = 4,
    int? PastPeriodsNotIncluded = null)
{
    /// <summary>Most recent periods left out of the fit.</summary>
    public int Excluded => PastPeriodsNotIncluded ?? W;

    /// <summary>Throws a <see cref="RiskMonitorException"/> naming the first unusable setting for a series of this frequency.</summary>
    public void Validate(int frequency)
    {
        if (B < 1)
        {
            throw new RiskMonitorException($"Farrington 方法回溯年数 b 至少为 1，当前为 {B}。");
        }

        if (W < 0 || (2 * W) + 1 > frequency)
        {
            throw new RiskMonitorException($"Farrington 方法半窗宽 w 须在 0 与 {(frequency - 1) / 2} 之间，当前为 {W}。");
        }

        if (NoPeriods < 1)
        {
            throw new RiskMonitorException($"Farrington 方法季节因子水平数至少为 1，当前为 {NoPeriods}。");
        }

        if (!(Alpha > 0 && Alpha < 0.5))
        {
            throw new RiskMonitorException($"显著性水平 alpha 须在 0 与 0.5 之间，当前为 {Alpha}。");
        }

        if (!(WeightsThreshold > 0) || !(PThresholdTrend > 0 && PThresholdTrend < 1))
        {
            throw new RiskMonitorException("Farrington 方法的降权阈值须为正数，趋势显著性水平须在 0 与 1 之间。");
        }

        if (LimitCases < 0 || LimitPeriods < 1 || Excluded < 0 || Excluded >= frequency)
        {
            throw new RiskMonitorException("Farrington 方法的最少病例规则或排除期数设置无效。");
        }
    }
}
