using RiskMonitor.Core.Domain;

namespace RiskMonitor.Analytics.Assessment;

/// <summary>
/// The rule-based level (section <c>RiskRules</c> of <c>appsettings.json</c>): how the four extent factors are weighted
/// into an exposure score, the harm × exposure matrix, the floors, and the thresholds of elevation.
/// </summary>
/// <remarks>
/// Exposure = the weighted mean of urgency, scope, frequency and duration (each 0–4), rounded half down to 0–4, so that a
/// mean exactly between two steps takes the lower one. The matrix has one row per harm score 0–4 and one column per
/// exposure 0–4; a cell is a level (I, II, III, IV, 红, 橙, 黄, 蓝) or none. Floors apply whatever the matrix says.
/// </remarks>
public sealed class RiskRuleOptions
{
    public const string SectionName = "RiskRules";

    /// <summary>The matrix used when none is configured.</summary>
    public static IReadOnlyList<string> DefaultMatrix { get; } =
    [
        "none none none IV   IV",
        "none none IV   IV   III",
        "none IV   IV   III  II",
        "none IV   III  II   I",
        "none III  II   I    I",
    ];

    /// <summary>Rows harm 0 … 4, columns exposure 0 … 4, cells separated by spaces or commas; null takes <see cref="DefaultMatrix"/>.</summary>
    /// <remarks>Null rather than pre-filled: the configuration binder appends to a collection it finds filled.</remarks>
    public IReadOnlyList<string>? Matrix { get; set; }

    private IReadOnlyList<string> Rows => Matrix ?? DefaultMatrix;

    public double UrgencyWeight { get; set; } = 1;

    public double ScopeWeight { get; set; } = 1;

    public double FrequencyWeight { get; set; } = 1;

    public double DurationWeight { get; set; } = 1;

    /// <summary>A death linked to the product is never below this level.</summary>
    public string DeathFloor { get; set; } = "II";

    /// <summary>A major-risk report from a monitoring station (003 Art. 11, reported at once) is never below this level.</summary>
    public string MajorReportFloor { get; set; } = "III";

    /// <summary>The hazard signal must reach this count before it can be elevated.</summary>
    public int MinimumSignal { get; set; } = 3;

    /// <summary>Eligible detectors that must alarm together on the hazard signal.</summary>
    public int MinimumAlarms { get; set; } = 2;

    /// <summary>Standard deviations of a Poisson count above the expectation that make the noise threshold urgency measures against.</summary>
    public double NoiseSigmas { get; set; } = 3;

    /// <summary>The hazard signal is beyond noise when a Poisson count with its expected mean (at least 0.5) reaches it with at most this probability.</summary>
    public double HazardAlpha { get; set; } = 0.001;

    /// <summary>An excess this improbable needs no corroboration beyond the detectors.</summary>
    public double StrongAlpha { get; set; } = 1e-6;

    /// <summary>The same for complaints as such: public concern is judged on the bulk of complaints, so far stricter.</summary>
    public double ConcernAlpha { get; set; } = 1e-6;

    /// <summary>Divisions that must be elevated before the province-wide subject is (otherwise the division is warned).</summary>
    public int ProvinceMinimumRegions { get; set; } = 2;

    /// <summary>The parsed matrix, <c>[harm, exposure]</c>.</summary>
    public WarningLevel[,] ParsedMatrix()
    {
        var result = new WarningLevel[5, 5];
        for (var harm = 0; harm < 5; harm++)
        {
            var cells = Rows[harm].Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
            for (var exposure = 0; exposure < 5; exposure++)
            {
                result[harm, exposure] = WarningLevels.Parse(cells[exposure]);
            }
        }

        return result;
    }

    /// <summary>Every problem with these options, in Chinese; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Rows.Count != 5)
        {
            errors.Add($"{SectionName}:Matrix 须有 5 行（危害程度 0–4），当前为 {Rows.Count} 行");
        }
        else
        {
            for (var harm = 0; harm < 5; harm++)
            {
                var cells = (Rows[harm] ?? string.Empty).Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (cells.Length != 5)
                {
                    errors.Add($"{SectionName}:Matrix 第 {harm + 1} 行须有 5 列（暴露程度 0–4），当前为 {cells.Length} 列");
                }

                errors.AddRange(cells.Where(c => !WarningLevels.TryParse(c, out _)).Select(c => $"{SectionName}:Matrix 第 {harm + 1} 行的“{c}”不是预警级别"));
            }
        }

        foreach (var (name, weight) in new[] { ("UrgencyWeight", UrgencyWeight), ("ScopeWeight", ScopeWeight), ("FrequencyWeight", FrequencyWeight), ("DurationWeight", DurationWeight) })
        {
            if (!(weight >= 0) || double.IsInfinity(weight))
            {
                errors.Add($"{SectionName}:{name} 须为非负数，当前为 {weight}");
            }
        }

        if (UrgencyWeight + ScopeWeight + FrequencyWeight + DurationWeight <= 0)
        {
            errors.Add($"{SectionName} 的四项权重不能全为 0");
        }

        foreach (var (name, value) in new[] { ("DeathFloor", DeathFloor), ("MajorReportFloor", MajorReportFloor) })
        {
            if (!WarningLevels.TryParse(value, out _))
            {
                errors.Add($"{SectionName}:{name} 的“{value}”不是预警级别");
            }
        }

        if (MinimumSignal < 1 || MinimumAlarms < 1 || ProvinceMinimumRegions < 1 || !(NoiseSigmas >= 0))
        {
            errors.Add($"{SectionName} 的 MinimumSignal、MinimumAlarms、ProvinceMinimumRegions 须至少为 1，NoiseSigmas 须为非负数");
        }

        if (!(HazardAlpha > 0 && HazardAlpha < 1) || !(ConcernAlpha > 0 && ConcernAlpha < 1) || !(StrongAlpha > 0 && StrongAlpha < 1))
        {
            errors.Add($"{SectionName} 的 HazardAlpha、ConcernAlpha、StrongAlpha 须在 0 与 1 之间");
        }

        return errors;
    }
}
