namespace RiskMonitor.Analytics.Disproportionality;

/// <summary>The 2×2 table of one (product category, hazard) pair among all reports.</summary>
/// <param name="A">Reports of this category with this hazard.</param>
/// <param name="B">Reports of this category with other hazards.</param>
/// <param name="C">Reports of other categories with this hazard.</param>
/// <param name="D">Reports of other categories with other hazards.</param>
public sealed record ContingencyTable(long A, long B, long C, long D)
{
    /// <summary>All reports, a + b + c + d.</summary>
    public long N => A + B + C + D;

    /// <summary>E = (a + b)(a + c) / N: the count of this pair expected if category and hazard were independent.</summary>
    public double Expected => (double)(A + B) * (A + C) / N;

    /// <summary>Whether any cell is zero (the ratios then use the Haldane–Anscombe correction).</summary>
    public bool HasZeroCell => A == 0 || B == 0 || C == 0 || D == 0;

    /// <summary>Checks that the cells are non-negative and not all zero.</summary>
    /// <exception cref="ArgumentException">A cell is negative or the table is empty.</exception>
    public void Validate()
    {
        if (A < 0 || B < 0 || C < 0 || D < 0)
        {
            throw new ArgumentException($"Cells must be non-negative: {this}.");
        }

        if (N == 0)
        {
            throw new ArgumentException("The table holds no reports.");
        }
    }
}
