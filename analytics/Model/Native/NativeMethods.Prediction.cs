using System.Runtime.InteropServices;

namespace RiskMonitor.Analytics.Model.Native;

// Prediction. https://xgboost.readthedocs.io/en/release_1.7.0/c.html (section "Prediction")
internal static unsafe partial class NativeMethods
{
    /// <summary>
    /// Predicts as <paramref name="config"/> (JSON: type, training, iteration_begin, iteration_end, strict_shape) says.
    /// <paramref name="shape"/> (<paramref name="dimensions"/> entries) and <paramref name="result"/> are owned by the booster
    /// and overwritten by its next prediction on the same thread: copy them before anything else touches the booster.
    /// </summary>
    [LibraryImport(Library, EntryPoint = "XGBoosterPredictFromDMatrix", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial XgbResult BoosterPredictFromDMatrix(
        BoosterHandle booster, DMatrixHandle matrix, string config, out ulong* shape, out ulong dimensions, out float* result);
}
