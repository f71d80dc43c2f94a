using RiskMonitor.Core;

namespace RiskMonitor.Analytics.Model;

/// <summary>An error reported by XGBoost; <see cref="Exception.Message"/> is XGBoost's own message.</summary>
public sealed class XGBoostException : RiskMonitorException
{
    public XGBoostException() { }

    public XGBoostException(string message) : base(message) { }

    public XGBoostException(string message, Exception inner) : base(message, inner) { }

    /// <summary>
    /// XGBoost's message without its noise: the leading <c>[hh:mm:ss]</c> time and the native backtrace that
    /// Debian's build appends after "Stack trace:".
    /// </summary>
    internal static XGBoostException From(string? nativeMessage)
    {
        var message = nativeMessage ?? string.Empty;
        var trace = message.IndexOf("Stack trace:", StringComparison.Ordinal);
        if (trace >= 0)
        {
            message = message[..trace];
        }

        if (message.StartsWith('[') && message.IndexOf("] ", StringComparison.Ordinal) is > 0 and var end)
        {
            message = message[(end + 2)..];
        }

        message = message.Trim();
        return new(message.Length == 0 ? "XGBoost reported a failure without a message" : message);
    }
}
