namespace RiskMonitor.Core.Calendar;

/// <summary>Who must act in a step of regulation 000.</summary>
public enum SpotCheckActor
{
    /// <summary>承检机构: the testing body commissioned by the provincial bureau.</summary>
    TestingBody,

    /// <summary>省局: the provincial bureau.</summary>
    ProvincialBureau,

    /// <summary>后处理单位: the market regulator where the producer or seller is located.</summary>
    LocalBureau,

    /// <summary>协助调查的市场监督管理部门: the bureau asked to help check a sample's authenticity.</summary>
    AssistingBureau,

    /// <summary>被抽样生产者、销售者: the producer or seller whose sample was tested.</summary>
    ProducerOrSeller,

    /// <summary>异议申请人: the producer or seller that filed an objection.</summary>
    Objector,
}

/// <summary>One follow-up step of a failed provincial spot check (regulation 000), with its statutory period.</summary>
/// <param name="Code">Stable identifier, snake_case, safe to store.</param>
/// <param name="Name">The step in Chinese, as clerks call it.</param>
/// <param name="Days">Calendar days allowed (Art. 34); null when the article sets an order of events, not a period.</param>
/// <param name="CountsFrom">The triggering event in the article's own words; the day it happens is not counted.</param>
/// <param name="Article">The article(s), e.g. 第十七条、第二十条.</param>
/// <param name="Note">What else the article says that a clerk needs (consequence of missing it, an ambiguity), in Chinese.</param>
public sealed record SpotCheckStep(string Code, string Name, int? Days, string CountsFrom, string Article, SpotCheckActor Actor, string Note)
{
    /// <summary>The actor in Chinese, as the regulation names it.</summary>
    public string ActorName => Actor switch
    {
        SpotCheckActor.TestingBody => "承检机构",
        SpotCheckActor.ProvincialBureau => "省局",
        SpotCheckActor.LocalBureau => "后处理单位",
        SpotCheckActor.AssistingBureau => "协助调查的市场监督管理部门",
        SpotCheckActor.ProducerOrSeller => "被抽样生产者、销售者",
        SpotCheckActor.Objector => "异议申请人",
        _ => throw new ArgumentOutOfRangeException(nameof(Actor), Actor, null),
    };

    /// <summary>The step's deadline when its triggering event happened on <paramref name="start"/>.</summary>
    /// <exception cref="InvalidOperationException">The step has no period in days (<see cref="Days"/> is null).</exception>
    public DeadlineResult Deadline(DateOnly start, WorkCalendar calendar) =>
        StatutoryDeadline.Compute(start, Days ?? throw new InvalidOperationException($"step {Code} has no period in days"), calendar);
}
