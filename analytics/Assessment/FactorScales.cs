namespace RiskMonitor.Analytics.Assessment;

/// <summary>The documented 0–4 scales of the five Art. 19 factors.</summary>
/// <remarks>
/// <para><b>Harm (危害程度)</b>, after the EU risk-assessment injury severities: 4 a death (station report or complaint), or five
/// or more hospitalisations from a hazard whose worst outcome is death (severity 4: fire, CO, electric shock, choking);
/// 3 hospitalisation (injuries reported by a station) or three or more injury complaints; 2 emergency treatment (an injury
/// complaint), a failed safety item, or a rising hazard of severity 3 or more; 1 minor: any hazard complaint, station case
/// or failure; 0 nothing. When the hazard signal itself is not elevated (a rise of complaints only, or a floor), harm is
/// capped at 1 unless someone died: the harm judged is that of what is rising.</para>
/// <para><b>Urgency (紧急程度)</b> from aberration strength s (signal over its noise threshold E + 3√E), growth g on the month
/// before and major-risk reports: 4 a major-risk report, or elevated with g ≥ 4 and s ≥ 2; 3 elevated with g ≥ 2 or s ≥ 3;
/// 2 elevated and confirmed twice over; 1 elevated, or not yet elevated but growing by half with at least the minimum signal;
/// 0 otherwise.</para>
/// <para><b>Scope (影响范围)</b> from the divisions affected r (province-wide: divisions elevated; a division: itself when
/// elevated): r ≥ 9 → 4, 4–8 → 3, 2–3 → 2, 1 → 1, 0 → 0; plus 1 when at least 75 % of ten or more complaints are about goods
/// bought online (they travel beyond the division), plus 1 when three or more producers are implicated and none holds half
/// (an industry problem, Art. 12(2)); at most 4.</para>
/// <para><b>Frequency (发生频率)</b> from the count against its baseline, only when beyond Poisson noise (the elevation test): ratio ≥ 8 → 4, ≥ 4 → 3,
/// ≥ 2 → 2, ≥ 1.5 → 1; plus 1 for a division whose signal per 10,000 residents is at least 3 times the rest of the
/// province's; at most 4. The hazard signal is used, or complaints when only they are elevated.</para>
/// <para><b>Duration (持续时间)</b> from consecutive elevated months n: 0 → 0, 1 → 1, 2 → 2, 3–5 → 3, ≥ 6 → 4.</para>
/// </remarks>
public static class FactorScales
{
    public static int Harm(SubjectEvidence e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var c = e.Current;
        if (c.AllDeaths > 0)
        {
            return 4;
        }

        var rising = e.RisingHazards.Select(h => h.Severity).DefaultIfEmpty(0).Max();
        var severity = Math.Max(c.MaxHazardSeverity, rising);
        var harm = c.Injuries >= 5 && severity >= 4 ? 4
            : c.Injuries >= 1 || c.InjuryComplaints >= 3 ? 3
            : c.InjuryComplaints >= 1 || c.SafetyFailures >= 1 || rising >= 3 ? 2
            : c.HazardComplaints + c.StationHazardCases + c.Failures >= 1 ? 1
            : 0;
        return e.HazardElevated ? harm : Math.Min(harm, 1);
    }

    public static int Urgency(SubjectEvidence e, RiskRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(options);
        var (strength, growth) = e.HazardElevated || !e.ConcernElevated
            ? (Strength(e.Current.Signal, e.ExpectedSignal, options.NoiseSigmas), e.Growth)
            : (Strength(e.Current.Complaints, e.ExpectedComplaints, options.NoiseSigmas), e.ConcernGrowth);
        var confirmations = e.HazardAlarms + e.ConcernAlarms + (e.RisingHazards.Any() ? 1 : 0) + (e.Current.RepeatFailureProducers > 0 ? 1 : 0);
        return e.Current.MajorReports > 0 || (e.Elevated && growth >= 4 && strength >= 2) ? 4
            : e.Elevated && (growth >= 2 || strength >= 3) ? 3
            : e.Elevated && confirmations >= 2 ? 2
            : e.Elevated || (growth >= 1.5 && e.Current.Signal >= options.MinimumSignal) ? 1
            : 0;
    }

    public static int Scope(SubjectEvidence e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var c = e.Current;
        var scope = e.ElevatedRegions switch { >= 9 => 4, >= 4 => 3, >= 2 => 2, 1 => 1, _ => 0 };
        if (scope == 0)
        {
            return 0;
        }

        if (c.Complaints >= 10 && c.OnlineShare >= 0.75)
        {
            scope++;
        }

        if (c.HazardProducers >= 3 && c.TopProducerShare < 0.5)
        {
            scope++;
        }

        return Math.Min(scope, 4);
    }

    public static int Frequency(SubjectEvidence e, RiskRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(options);
        var concernOnly = e.ConcernElevated && !e.HazardElevated;
        var (observed, expected) = concernOnly ? (e.Current.Complaints, e.ExpectedComplaints) : (e.Current.Signal, e.ExpectedSignal);
        if (!ElevationRules.BeyondNoise(observed, expected, concernOnly ? options.ConcernAlpha : options.HazardAlpha))
        {
            return 0;
        }

        var ratio = observed / Math.Max(expected!.Value, 0.5);
        var frequency = ratio switch { >= 8 => 4, >= 4 => 3, >= 2 => 2, >= 1.5 => 1, _ => 0 };
        if (frequency > 0 && !concernOnly && e.RelativeRate >= 3)
        {
            frequency++;
        }

        return Math.Min(frequency, 4);
    }

    public static int Duration(int elevatedMonths) => elevatedMonths switch { >= 6 => 4, >= 3 => 3, 2 => 2, 1 => 1, _ => 0 };

    /// <summary>How many times its noise threshold E + k√max(E, 1) the count is; 0 without an expectation.</summary>
    public static double Strength(double observed, double? expected, double sigmas) =>
        expected is { } e ? observed / (e + (sigmas * Math.Sqrt(Math.Max(e, 1)))) : 0;

    /// <summary>All five, and the exposure the matrix reads.</summary>
    public static FactorScores Score(SubjectEvidence e, RiskRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(options);
        var (u, s, f, d) = (Urgency(e, options), Scope(e), Frequency(e, options), Duration(e.ElevatedMonths));
        return new FactorScores(Harm(e), u, s, f, d, RuleMatrix.Exposure(u, s, f, d, options));
    }
}
