using System.Runtime.InteropServices;

namespace RiskMonitor.Analytics.Model.Native;

// Boosters: creation, parameters and training rounds. https://xgboost.readthedocs.io/en/release_1.7.0/c.html (section "Booster")
internal static unsafe partial class NativeMethods
{
    /// <summary>
    /// <paramref name="cache"/> lists raw <c>DMatrixHandle</c>s (kept alive by the caller) whose predictions the booster
    /// caches between rounds. XGBoost 1.7 also takes the feature count from them: training needs its matrix listed here.
    /// </summary>
    [LibraryImport(Library, EntryPoint = "XGBoosterCreate")]
    internal static partial XgbResult BoosterCreate(nint* cache, ulong length, out BoosterHandle booster);

    /// <summary>Called only from <see cref="BoosterHandle.ReleaseHandle"/>, hence the raw pointer.</summary>
    [LibraryImport(Library, EntryPoint = "XGBoosterFree")]
    internal static partial XgbResult BoosterFree(nint booster);

    /// <summary>Stores a parameter; values are checked only when the booster next configures itself (its next round).</summary>
    [LibraryImport(Library, EntryPoint = "XGBoosterSetParam", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial XgbResult BoosterSetParam(BoosterHandle booster, string name, string value);

    [LibraryImport(Library, EntryPoint = "XGBoosterUpdateOneIter")]
    internal static partial XgbResult BoosterUpdateOneIter(BoosterHandle booster, int iteration, DMatrixHandle train);

    /// <summary>
    /// Evaluates the configured metrics on <paramref name="matrices"/> (raw <c>DMatrixHandle</c>s, kept alive by the caller)
    /// named by <paramref name="names"/>; the result, such as <c>[3]\tvalid-mlogloss:0.12</c>, is owned by XGBoost.
    /// </summary>
    [LibraryImport(Library, EntryPoint = "XGBoosterEvalOneIter")]
    internal static partial XgbResult BoosterEvalOneIter(BoosterHandle booster, int iteration, nint* matrices, byte** names, ulong length, out byte* result);

    [LibraryImport(Library, EntryPoint = "XGBoosterBoostedRounds")]
    internal static partial XgbResult BoosterBoostedRounds(BoosterHandle booster, out int rounds);

    [LibraryImport(Library, EntryPoint = "XGBoosterGetNumFeature")]
    internal static partial XgbResult BoosterGetNumFeature(BoosterHandle booster, out ulong features);
}
