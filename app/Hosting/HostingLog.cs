using Microsoft.Extensions.Logging;

namespace RiskMonitor.App.Hosting;

/// <summary>Log events of the host and its jobs (event ids 1001–1099).</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Monthly cycle ingested {Files} inbox file(s)")]
    public static partial void Inbox(ILogger logger, int files);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Monthly cycle for {Month}: {Subjects} subjects, {Warned} at a warning level, {Notices} new draft notices, report {Report}")]
    public static partial void Cycle(ILogger logger, string month, int subjects, int warned, int notices, string report);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "RiskMonitor serving on {Address}")]
    public static partial void Serving(ILogger logger, string address);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Demonstration accounts can sign in: {Names}. Delete them from the Users section in production")]
    public static partial void DemoAccounts(ILogger logger, string names);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Job {Job} starts for its {TriggerKind} fire of {ScheduledFor:O}")]
    public static partial void RunStarted(ILogger logger, string job, string triggerKind, DateTimeOffset scheduledFor);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Debug, Message = "Job {Job}: the fire of {ScheduledFor:O} already ran to completion; not run again")]
    public static partial void RunSkipped(ILogger logger, string job, DateTimeOffset scheduledFor);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Error, Message = "Job {Job} failed for its fire of {ScheduledFor:O}")]
    public static partial void RunFailed(ILogger logger, Exception exception, string job, DateTimeOffset scheduledFor);

    [LoggerMessage(EventId = 1023, Level = LogLevel.Warning, Message = "Marked {Runs} job run(s) interrupted by the end of the previous process")]
    public static partial void Interrupted(ILogger logger, int runs);

    [LoggerMessage(EventId = 1024, Level = LogLevel.Information, Message = "Job {Job} has no run on record: baseline set at {At:O}, nothing caught up")]
    public static partial void Baseline(ILogger logger, string job, DateTimeOffset at);

    [LoggerMessage(EventId = 1025, Level = LogLevel.Warning, Message = "Job {Job} missed its fire of {ScheduledFor:O} while the service was down (last completed {LastCompleted:O}); running it once now")]
    public static partial void CatchingUp(ILogger logger, string job, DateTimeOffset scheduledFor, DateTimeOffset lastCompleted);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Information, Message = "Publishing pass: {Enqueued} enqueued, {Delivered} delivered, {Failed} failed attempt(s), {GivenUp} given up, {Published} notice(s) published")]
    public static partial void PublishPass(ILogger logger, int enqueued, int delivered, int failed, int givenUp, int published);

    [LoggerMessage(EventId = 1040, Level = LogLevel.Information, Message = "Deadline watch for {Today}: {Flagged} follow-up step(s) newly overdue")]
    public static partial void DeadlineWatch(ILogger logger, DateOnly today, int flagged);
}
