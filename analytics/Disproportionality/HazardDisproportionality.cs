namespace RiskMonitor.Analytics.Disproportionality;

/// <summary>Reports of one product category with one hazard.</summary>
public sealed record HazardCount(string Category, string Hazard, long Count);

/// <summary>The disproportionality of one (category, hazard) pair.</summary>
public sealed record HazardSignal(string Category, string Hazard, DisproportionalityMeasures Measures);

/// <summary>Builds the 2×2 table of every (category, hazard) pair from report counts and measures it.</summary>
/// <remarks>
/// For a pair, a is its count, b the rest of its category, c the rest of its hazard and d everything else; counts of the same
/// pair given twice are added. Only pairs with at least one report are measured (a pair never reported cannot signal).
/// Results keep the order in which pairs first appear.
/// </remarks>
public static class HazardDisproportionality
{
    /// <summary>Measures every reported (category, hazard) pair.</summary>
    /// <exception cref="ArgumentException">A count is negative.</exception>
    public static IReadOnlyList<HazardSignal> Analyse(IEnumerable<HazardCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var pairs = new Dictionary<(string Category, string Hazard), long>();
        var order = new List<(string Category, string Hazard)>();
        var (byCategory, byHazard) = (new Dictionary<string, long>(StringComparer.Ordinal), new Dictionary<string, long>(StringComparer.Ordinal));
        var total = 0L;
        foreach (var (category, hazard, count) in counts)
        {
            if (count < 0)
            {
                throw new ArgumentException($"Negative count for ({category}, {hazard}).", nameof(counts));
            }

            var key = (category, hazard);
            if (!pairs.TryGetValue(key, out var sum))
            {
                order.Add(key);
            }

            pairs[key] = sum + count;
            byCategory[category] = byCategory.GetValueOrDefault(category) + count;
            byHazard[hazard] = byHazard.GetValueOrDefault(hazard) + count;
            total += count;
        }

        var results = new List<HazardSignal>();
        foreach (var key in order.Where(k => pairs[k] > 0))
        {
            var a = pairs[key];
            var (b, c) = (byCategory[key.Category] - a, byHazard[key.Hazard] - a);
            var table = new ContingencyTable(a, b, c, total - a - b - c);
            results.Add(new HazardSignal(key.Category, key.Hazard, DisproportionalityCalculator.Measure(table)));
        }

        return results;
    }
}
