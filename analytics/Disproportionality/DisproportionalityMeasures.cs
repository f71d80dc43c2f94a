namespace RiskMonitor.Analytics.Disproportionality;

/// <summary>An estimate with its two-sided interval.</summary>
public readonly record struct Interval(double Estimate, double Lower, double Upper);

/// <summary>The disproportionality of one 2×2 table and whether it signals.</summary>
/// <param name="Table">The table measured.</param>
/// <param name="Prr">Proportional reporting ratio with its 95% confidence interval.</param>
/// <param name="Ror">Reporting odds ratio with its 95% confidence interval.</param>
/// <param name="ChiSquare">Pearson χ² with Yates' continuity correction, on the uncorrected cells.</param>
/// <param name="Ic">Information component with its 95% credibility interval (IC025, IC975).</param>
/// <param name="Corrected">Whether a zero cell made PRR and ROR use the Haldane–Anscombe correction.</param>
/// <param name="EvansSignal">PRR ≥ 2, χ² ≥ 4 and a ≥ 3 (Evans et al. 2001).</param>
/// <param name="IcSignal">IC025 &gt; 0.</param>
public sealed record DisproportionalityMeasures(
    ContingencyTable Table,
    Interval Prr,
    Interval Ror,
    double ChiSquare,
    Interval Ic,
    bool Corrected,
    bool EvansSignal,
    bool IcSignal)
{
    /// <summary>The signal rule: Evans' criteria or IC025 &gt; 0.</summary>
    public bool Signal => EvansSignal || IcSignal;
}
