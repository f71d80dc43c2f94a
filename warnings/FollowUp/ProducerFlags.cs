using RiskMonitor.Core.Data;

namespace RiskMonitor.Warnings.FollowUp;

/// <summary>A producer's standing under Art. 27, 28 and 30 of regulation 000, as the view <c>v_producer_flags</c> gives it.</summary>
/// <param name="FailedChecks">Checks (samples taken on one day for one task) that failed, objections that succeeded excluded.</param>
/// <param name="FailedTwiceInARow">Two of its consecutive checks failed (Art. 27(4)5).</param>
/// <param name="KeptSelling">Found producing or selling the same model before passing the re-check (Art. 27(4)4).</param>
/// <param name="RefusedRectification">Refused to rectify without good reason (Art. 27(4)3).</param>
/// <param name="KeySupervision">On the key-supervision list: it failed a check (Art. 30).</param>
/// <param name="FailedTwoYearsRunning">Failed in two consecutive calendar years: keep spot-checking it (Art. 30).</param>
/// <param name="PublishProducer">One of the three publication criteria holds: its name goes into the published results.</param>
/// <param name="RepeatedFailures">Failed more than once: grounds for an interview and the 三书一函 (Art. 28).</param>
/// <param name="Reasons">The criteria that hold, in Chinese, with their articles.</param>
public sealed record ProducerFlag(
    string Producer, string? RegionCode, int Checks, int FailedChecks, DateOnly? FirstFailedOn, DateOnly? LastFailedOn,
    bool FailedTwiceInARow, bool KeptSelling, bool RefusedRectification, bool KeySupervision, bool FailedTwoYearsRunning,
    bool PublishProducer, bool RepeatedFailures, string Reasons);

/// <summary>Reads the producer flags and the key-supervision list kept by migration 005's views.</summary>
/// <remarks>
/// The views are the contract: analytics can join <c>v_producer_flags</c> (or <c>v_key_supervision</c>) on
/// <c>producer</c> as a risk factor without going through this class.
/// </remarks>
public static class ProducerFlags
{
    /// <summary>Every producer with a failed check or a finding, flagged ones first.</summary>
    public static IReadOnlyList<ProducerFlag> All(DuckDbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Query(
            """
            SELECT producer, region_code, checks, failed_checks, first_failed_on, last_failed_on, failed_twice_in_a_row, kept_selling,
                   refused_rectification, key_supervision, failed_two_years_running, publish_producer, repeated_failures, reasons
            FROM v_producer_flags
            ORDER BY publish_producer DESC, failed_two_years_running DESC, failed_checks DESC, producer
            """,
            r => new ProducerFlag(
                r.GetString(0), r.GetStringOrNull(1), r.GetInt32(2), r.GetInt32(3), r.GetDateOrNull(4), r.GetDateOrNull(5),
                r.GetBoolean(6), r.GetBoolean(7), r.GetBoolean(8), r.GetBoolean(9), r.GetBoolean(10), r.GetBoolean(11), r.GetBoolean(12),
                r.GetString(13)));
    }

    /// <summary>The key-supervision list of Art. 30: producers with a failed check, those to keep spot-checking first.</summary>
    public static IReadOnlyList<ProducerFlag> KeySupervisionList(DuckDbConnection connection) =>
        All(connection).Where(f => f.KeySupervision).OrderByDescending(f => f.FailedTwoYearsRunning).ThenByDescending(f => f.LastFailedOn).ToList();

    /// <summary>The flags of one producer (its name as in the spot-check data), or null if it has none.</summary>
    public static ProducerFlag? Of(DuckDbConnection connection, string producer)
    {
        ArgumentNullException.ThrowIfNull(producer);
        return All(connection).FirstOrDefault(f => f.Producer == producer.Trim());
    }
}
