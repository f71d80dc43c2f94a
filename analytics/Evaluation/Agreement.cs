using RiskMonitor.Core.Domain;

namespace RiskMonitor.Analytics.Evaluation;

/// <summary>Agreement between true and assessed levels: the 5×5 confusion matrix (none, IV, III, II, I), accuracy and
/// quadratic-weighted Cohen's κ.</summary>
/// <remarks>
/// κ_w = 1 − Σ w_ij O_ij / Σ w_ij E_ij with w_ij = (i − j)² / (k − 1)², O the observed proportions and E the products of
/// the marginals; 1 for perfect agreement, 0 for chance. With a single class on both sides κ is undefined and reported as
/// 1 when every pair agrees (otherwise 0).
/// </remarks>
public sealed record Agreement(long[,] Confusion)
{
    public const int Classes = 5;

    public long Total
    {
        get
        {
            long total = 0;
            foreach (var n in Confusion)
            {
                total += n;
            }

            return total;
        }
    }

    public double Accuracy => Total == 0 ? 0 : Enumerable.Range(0, Classes).Sum(i => Confusion[i, i]) / (double)Total;

    public double QuadraticKappa
    {
        get
        {
            var total = (double)Total;
            if (total == 0)
            {
                return 0;
            }

            var rows = Enumerable.Range(0, Classes).Select(i => Enumerable.Range(0, Classes).Sum(j => Confusion[i, j]) / total).ToArray();
            var columns = Enumerable.Range(0, Classes).Select(j => Enumerable.Range(0, Classes).Sum(i => Confusion[i, j]) / total).ToArray();
            double observed = 0, expected = 0;
            for (var i = 0; i < Classes; i++)
            {
                for (var j = 0; j < Classes; j++)
                {
                    var weight = (i - j) * (i - j) / (double)((Classes - 1) * (Classes - 1));
                    observed += weight * Confusion[i, j] / total;
                    expected += weight * rows[i] * columns[j];
                }
            }

            return expected == 0 ? (observed == 0 ? 1 : 0) : 1 - (observed / expected);
        }
    }

    /// <summary>The confusion matrix of (truth, assessed) pairs; rows are the truth.</summary>
    public static Agreement Of(IEnumerable<(WarningLevel Truth, WarningLevel Assessed)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var confusion = new long[Classes, Classes];
        foreach (var (truth, assessed) in pairs)
        {
            confusion[(int)truth, (int)assessed]++;
        }

        return new Agreement(confusion);
    }
}
