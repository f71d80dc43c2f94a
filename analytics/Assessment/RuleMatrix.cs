using RiskMonitor.Core.Domain;

namespace RiskMonitor.Analytics.Assessment;

/// <summary>A rule level and what set it.</summary>
/// <param name="Floor">The floor that raised the matrix level (Chinese), or null.</param>
public sealed record RuleLevel(WarningLevel Level, WarningLevel MatrixLevel, string? Floor);

/// <summary>Combines the five factors into the rule-based level through the configured harm × exposure matrix and floors.</summary>
public sealed class RuleMatrix
{
    private readonly RiskRuleOptions _options;
    private readonly WarningLevel[,] _matrix;
    private readonly WarningLevel _deathFloor;
    private readonly WarningLevel _majorFloor;

    public RuleMatrix(RiskRuleOptions? options = null)
    {
        _options = options ?? new RiskRuleOptions();
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new RiskMonitor.Core.RiskMonitorException("风险分级规则配置有误：" + string.Join("；", errors));
        }

        _matrix = _options.ParsedMatrix();
        _deathFloor = WarningLevels.Parse(_options.DeathFloor);
        _majorFloor = WarningLevels.Parse(_options.MajorReportFloor);
    }

    public RiskRuleOptions Options => _options;

    /// <summary>The weighted mean of the four extent factors, rounded half down to 0–4.</summary>
    /// <example>Urgency 4, scope 1, frequency 4, duration 1 with equal weights: mean 2.5, exposure 2.</example>
    public static int Exposure(int urgency, int scope, int frequency, int duration, RiskRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var weights = options.UrgencyWeight + options.ScopeWeight + options.FrequencyWeight + options.DurationWeight;
        var mean = ((options.UrgencyWeight * urgency) + (options.ScopeWeight * scope) + (options.FrequencyWeight * frequency)
            + (options.DurationWeight * duration)) / weights;
        return Math.Clamp((int)Math.Ceiling(mean - 0.5 - 1e-9), 0, 4);
    }

    /// <summary>The matrix cell for these factors when the subject is elevated; none otherwise. No floors apply.</summary>
    public WarningLevel MatrixLevel(FactorScores factors, bool elevated)
    {
        ArgumentNullException.ThrowIfNull(factors);
        return elevated ? _matrix[factors.Harm, factors.Exposure] : WarningLevel.None;
    }

    /// <summary>The level: the matrix cell when the subject is elevated (none otherwise), raised to any floor that applies.
    /// A province-wide subject whose death or major report lies in one division only is not elevated: the division carries the floor.</summary>
    public RuleLevel Level(FactorScores factors, SubjectEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(evidence);
        var matrix = evidence.Elevated ? _matrix[factors.Harm, factors.Exposure] : WarningLevel.None;
        var (level, floor) = (matrix, (string?)null);
        if (evidence.Elevated && evidence.Current.AllDeaths > 0 && level < _deathFloor)
        {
            (level, floor) = (_deathFloor, $"报告死亡{evidence.Current.AllDeaths}例，不低于{_deathFloor.Roman()}级");
        }

        if (evidence.Elevated && evidence.Current.MajorReports > 0 && level < _majorFloor)
        {
            (level, floor) = (_majorFloor, $"监测站报告重大风险{evidence.Current.MajorReports}起，不低于{_majorFloor.Roman()}级");
        }

        return new RuleLevel(level, matrix, floor);
    }
}
