namespace RiskMonitor.Core.Data;

/// <summary>An error reported by DuckDB; <see cref="Exception.Message"/> is DuckDB's own message.</summary>
public sealed class DuckDbException : RiskMonitorException
{
    public DuckDbException() { }

    public DuckDbException(string message) : base(message) { }

    public DuckDbException(string message, Exception inner) : base(message, inner) { }

    internal static DuckDbException From(string? nativeMessage, string fallback) =>
        new(string.IsNullOrEmpty(nativeMessage) ? fallback : nativeMessage);
}
