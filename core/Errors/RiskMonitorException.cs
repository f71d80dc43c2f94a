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

/// <summary>A command's arguments name something that does not exist or has the wrong shape: bad usage (exit code 2).</summary>
public sealed class UsageException : RiskMonitorException
{
    public UsageException() { }

    public UsageException(string message) : base(message) { }

    public UsageException(string message, Exception inner) : base(message, inner) { }
}
