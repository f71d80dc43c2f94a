namespace RiskMonitor.Analytics.Model.Native;

/// <summary>Return code of every XGBoost C API call that can fail: 0 on success, -1 on failure.</summary>
internal enum XgbResult
{
    Success = 0,
    Failure = -1,
}

internal static class XgbResultExtensions
{
    /// <summary>
    /// The one place a failed call becomes an exception. XGBoost keeps the message of the last failure per thread,
    /// so it must be read on the calling thread right after the failed call, before any other XGBoost call.
    /// </summary>
    public static void ThrowOnFailure(this XgbResult result)
    {
        if (result != XgbResult.Success)
        {
            throw XGBoostException.From(NativeMethods.GetLastError());
        }
    }
}
