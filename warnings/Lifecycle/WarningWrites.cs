namespace RiskMonitor.Warnings.Lifecycle;

/// <summary>
/// One change to warnings and notices at a time in this process: decisions (approve, reject, request lifting), publication and
/// the monthly proposals. A document number is the year's highest plus one, read inside the approving transaction, and a
/// warning's events are numbered the same way; two changes committing side by side would take the same number (two
/// approvals update different notice rows, so DuckDB sees no conflict on them) or fail on the event key. DuckDB lets one
/// process at most write the warehouse file, so a process-wide lock is enough. Held across the checks too, so that "only a
/// draft is approved" still holds at the commit.
/// </summary>
public static class WarningWrites
{
    public static Lock Gate { get; } = new();
}
