using MathNet.Numerics.Distributions;

namespace RiskMonitor.Analytics.Disproportionality;

/// <summary>Measures of disproportionate reporting on a 2×2 table.</summary>
/// <remarks>
/// <para>
/// PRR = [a/(a+b)] / [c/(c+d)], 95% CI exp(ln PRR ± 1.96 √(1/a − 1/(a+b) + 1/c − 1/(c+d))) (log-normal);
/// ROR = ad/(bc), 95% CI exp(ln ROR ± 1.96 √(1/a + 1/b + 1/c + 1/d)). When any cell is zero both use the Haldane–Anscombe
/// correction (0.5 added to every cell), so that they and their intervals stay finite; <see cref="DisproportionalityMeasures.Corrected"/> says so.
/// </para>
/// <para>
/// χ² = N (max(0, |ad − bc| − N/2))² / ((a+b)(c+d)(a+c)(b+d)), Yates-corrected, on the raw cells; 0 when a margin is empty.
/// </para>
/// <para>
/// IC = log₂((a + 0.5)/(E + 0.5)), E = (a+b)(a+c)/N (Norén et al. 2013, "Shrinkage observed-to-expected ratios for robust and
/// transparent large-scale pattern discovery"). The credibility limits are exact, not the approximation
/// IC − 3.3(a+0.5)^−½ − 2(a+0.5)^−³⁄₂: the observed-to-expected ratio has the posterior Gamma(shape a + 0.5, rate E + 0.5),
/// and IC025, IC975 are log₂ of its 2.5% and 97.5% quantiles.
/// </para>
/// <para>Signal: Evans' criteria (PRR ≥ 2, χ² ≥ 4, a ≥ 3, with the PRR as reported) or IC025 &gt; 0.</para>
/// </remarks>
public static class DisproportionalityCalculator
{
    /// <summary>Two-sided 95% normal quantile, z(0.975).</summary>
    public static readonly double Z975 = Normal.InvCDF(0, 1, 0.975);

    /// <summary>Computes every measure of <paramref name="table"/>.</summary>
    /// <exception cref="ArgumentException">A cell is negative or the table is empty.</exception>
    public static DisproportionalityMeasures Measure(ContingencyTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Validate();
        var corrected = table.HasZeroCell;
        var shift = corrected ? 0.5 : 0;
        var (a, b, c, d) = (table.A + shift, table.B + shift, table.C + shift, table.D + shift);

        var prr = a / (a + b) / (c / (c + d));
        var prrInterval = LogNormal(prr, Math.Sqrt((1 / a) - (1 / (a + b)) + (1 / c) - (1 / (c + d))));
        var ror = a * d / (b * c);
        var rorInterval = LogNormal(ror, Math.Sqrt((1 / a) + (1 / b) + (1 / c) + (1 / d)));
        var chiSquare = YatesChiSquare(table);
        var ic = InformationComponent(table.A, table.Expected);

        var evans = prr >= 2 && chiSquare >= 4 && table.A >= 3;
        return new DisproportionalityMeasures(table, prrInterval, rorInterval, chiSquare, ic, corrected, evans, ic.Lower > 0);
    }

    /// <summary>IC = log₂((observed + 0.5)/(expected + 0.5)) with the 2.5% and 97.5% quantiles of its Gamma posterior.</summary>
    public static Interval InformationComponent(long observed, double expected)
    {
        var (shape, rate) = (observed + 0.5, expected + 0.5);
        return new Interval(
            Math.Log2(shape / rate),
            Math.Log2(Gamma.InvCDF(shape, rate, 0.025)),
            Math.Log2(Gamma.InvCDF(shape, rate, 0.975)));
    }

    /// <summary>Pearson χ² with Yates' continuity correction (the correction never taking |ad − bc| below 0).</summary>
    public static double YatesChiSquare(ContingencyTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        double a = table.A, b = table.B, c = table.C, d = table.D, n = table.N;
        var margins = (a + b) * (c + d) * (a + c) * (b + d);
        if (margins == 0)
        {
            return 0;
        }

        var excess = Math.Max(0, Math.Abs((a * d) - (b * c)) - (n / 2));
        return n * excess * excess / margins;
    }

    private static Interval LogNormal(double estimate, double logStandardError) =>
        new(estimate, estimate * Math.Exp(-Z975 * logStandardError), estimate * Math.Exp(Z975 * logStandardError));
}
