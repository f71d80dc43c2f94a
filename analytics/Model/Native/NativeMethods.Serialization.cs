using System.Runtime.InteropServices;

namespace RiskMonitor.Analytics.Model.Native;

// Model and configuration (de)serialisation. https://xgboost.readthedocs.io/en/release_1.7.0/c.html (section "Serialization")
internal static unsafe partial class NativeMethods
{
    /// <summary>
    /// The model (trees and objective, not training parameters) in the format <paramref name="config"/> names
    /// (<c>{"format": "json"}</c> or <c>"ubj"</c>); the bytes are owned by the booster until its next call on this thread.
    /// </summary>
    [LibraryImport(Library, EntryPoint = "XGBoosterSaveModelToBuffer", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial XgbResult BoosterSaveModelToBuffer(BoosterHandle booster, string config, out ulong length, out byte* data);

    /// <summary>Replaces the booster's model with a saved one; JSON and UBJSON are told apart by the first byte.</summary>
    [LibraryImport(Library, EntryPoint = "XGBoosterLoadModelFromBuffer")]
    internal static partial XgbResult BoosterLoadModelFromBuffer(BoosterHandle booster, byte* data, ulong length);

    /// <summary>The booster's full configuration as JSON (owned by the booster), including <c>num_class</c>.</summary>
    [LibraryImport(Library, EntryPoint = "XGBoosterSaveJsonConfig")]
    internal static partial XgbResult BoosterSaveJsonConfig(BoosterHandle booster, out ulong length, out byte* json);
}
