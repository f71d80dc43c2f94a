namespace RiskMonitor.Core;

/// <summary>
/// Root of every error the product raises on purpose: bad input, a failed query, a refused action.
/// Its message is meant for the user (Chinese where it speaks of their data) and is shown without a stack trace.
/// </summary>
public class RiskMonitorException : Exception
{
    public RiskMonitorException() { }

    public RiskMonitorException(string message) : base(message) { }

    public RiskMonitorException(string message, Exception inner) : base(message, inner) { }
}
