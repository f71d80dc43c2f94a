namespace RiskMonitor.Ingest.Sample;

/// <summary>Seeded randomness: one independent, reproducible <see cref="Random"/> per purpose, and the draws the generator needs.</summary>
/// <remarks>
/// Seeds are mixed with a fixed hash (never <c>string.GetHashCode</c>, which changes per process), so a file's content depends
/// only on the seed, its source and its month, and files can be written in any order or in parallel.
/// </remarks>
internal static class SampleRandom
{
    public static Random For(int seed, string purpose, int index = 0)
    {
        var h = 0xCBF29CE484222325UL ^ (ulong)(uint)seed;
        foreach (var c in purpose)
        {
            h = (h ^ c) * 0x100000001B3UL;
        }

        h ^= (ulong)(uint)index * 0x9E3779B97F4A7C15UL;
        // SplitMix64 finaliser: nearby inputs give unrelated seeds.
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        h ^= h >> 31;
        return new Random((int)(h & 0x7FFFFFFF));
    }

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>An index drawn with probability proportional to <paramref name="cumulative"/>'s increments.</summary>
    public static int PickCumulative(this Random random, IReadOnlyList<double> cumulative)
    {
        var target = random.NextDouble() * cumulative[^1];
        int lo = 0, hi = cumulative.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (cumulative[mid] > target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>A Poisson count: exact (Knuth) for small means, the normal approximation above 30.</summary>
    public static int Poisson(this Random random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * random.Gaussian())));
        }

        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }

    public static double Gaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Running sums of <paramref name="weights"/>, for <see cref="PickCumulative"/>.</summary>
    public static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0.0;
        return weights.Select(w => sum += w).ToArray();
    }

    /// <summary>A string from a pattern: # a digit, @ an upper-case letter, {a|b|c} one of the choices (itself a pattern), anything else as is.</summary>
    public static string FromPattern(this Random random, string pattern)
    {
        var builder = new System.Text.StringBuilder(pattern.Length + 8);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '#')
            {
                builder.Append((char)('0' + random.Next(10)));
            }
            else if (c == '@')
            {
                builder.Append((char)('A' + random.Next(26)));
            }
            else if (c == '{')
            {
                var close = pattern.IndexOf('}', i);
                builder.Append(random.FromPattern(random.Pick(pattern[(i + 1)..close].Split('|'))));
                i = close;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
