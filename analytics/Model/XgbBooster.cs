using System.Globalization;
using System.Text.Json;
using RiskMonitor.Analytics.Model.Native;

namespace RiskMonitor.Analytics.Model;

/// <summary>
/// A trained XGBoost model: train it from an <see cref="XgbMatrix"/>, predict class probabilities and SHAP
/// contributions, save and load it as XGBoost's JSON model format.
/// </summary>
/// <remarks>
/// Calls are serialised on an internal lock: XGBoost hands prediction and serialisation results back in buffers the
/// booster owns and overwrites on its next call, so two threads sharing one booster must not interleave.
/// </remarks>
public sealed partial class XgbBooster : IDisposable
{
    private readonly BoosterHandle _handle;
    private readonly Lock _gate = new();

    private XgbBooster(BoosterHandle handle)
    {
        _handle = handle;
        NativeMethods.BoosterGetNumFeature(handle, out var features).ThrowOnFailure();
        NativeMethods.BoosterBoostedRounds(handle, out var rounds).ThrowOnFailure();
        Features = checked((int)features);
        Rounds = rounds;
        Classes = ReadClasses(handle);
    }

    /// <summary>Version of the native library in use, such as 1.7.4.</summary>
    public static Version LibraryVersion
    {
        get
        {
            NativeMethods.Version(out var major, out var minor, out var patch);
            return new Version(major, minor, patch);
        }
    }

    /// <summary>Number of features the model was trained on.</summary>
    public int Features { get; }

    /// <summary>Number of classes (output groups); 1 for single-output objectives.</summary>
    public int Classes { get; }

    /// <summary>Boosting rounds in the model.</summary>
    public int Rounds { get; }

    /// <summary>Trains a model on <paramref name="train"/>, which must carry labels.</summary>
    /// <exception cref="XGBoostException">XGBoost rejected a parameter, the labels or the data.</exception>
    public static XgbBooster Train(XgbMatrix train, XgbTrainingParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.Rounds, 1);
        if (!train.HasLabels)
        {
            // XGBoost would only say that the gradient vector is empty.
            throw new ArgumentException("The training matrix has no labels.", nameof(train));
        }

        return Create(train, handle =>
        {
            foreach (var (name, value) in parameters.ToNative())
            {
                NativeMethods.BoosterSetParam(handle, name, value).ThrowOnFailure();
            }

            // All rounds in one call on one thread: see XgbTrainingParameters on why determinism needs that.
            for (var round = 0; round < parameters.Rounds; round++)
            {
                NativeMethods.BoosterUpdateOneIter(handle, round, train.Handle).ThrowOnFailure();
            }
        });
    }

    /// <summary>Scores the model on labelled <paramref name="data"/> with the metric(s) it was trained with.</summary>
    /// <returns>Metric name (such as <c>mlogloss</c>) to value.</returns>
    public unsafe IReadOnlyDictionary<string, double> Evaluate(XgbMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        const string Name = "data";
        var added = false;
        try
        {
            data.Handle.DangerousAddRef(ref added);
            var matrix = data.Handle.DangerousGetHandle();
            string? text;
            fixed (byte* pinned = "data\0"u8)
            {
                var name = pinned;
                lock (_gate)
                {
                    ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
                    var round = Math.Max(Rounds - 1, 0);
                    NativeMethods.BoosterEvalOneIter(_handle, round, &matrix, &name, 1, out var result).ThrowOnFailure();
                    text = LibraryOwnedUtf8Marshaller.ConvertToManaged(result);
                }
            }

            // "[round]\tdata-mlogloss:0.123\tdata-merror:0.01"
            var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var part in (text ?? string.Empty).Split('\t').Skip(1))
            {
                var colon = part.LastIndexOf(':');
                var metric = part[..colon][(Name.Length + 1)..];
                metrics[metric] = double.Parse(part[(colon + 1)..], CultureInfo.InvariantCulture);
            }

            return metrics;
        }
        finally
        {
            if (added)
            {
                data.Handle.DangerousRelease();
            }
        }
    }

    /// <summary>Frees the native model; safe to call more than once.</summary>
    public void Dispose() => _handle.Dispose();

    /// <param name="train">
    /// The training matrix, or null for a booster that will load a model. XGBoost 1.7 learns the feature count from the
    /// matrices given at creation, not from the one passed to each round: without it, training fails with
    /// "0 feature is supplied".
    /// </param>
    private static unsafe XgbBooster Create(XgbMatrix? train, Action<BoosterHandle> fill)
    {
        BoosterHandle? handle = null;
        var added = false;
        try
        {
            if (train is null)
            {
                NativeMethods.BoosterCreate(null, 0, out handle).ThrowOnFailure();
            }
            else
            {
                train.Handle.DangerousAddRef(ref added);
                var cache = train.Handle.DangerousGetHandle();
                NativeMethods.BoosterCreate(&cache, 1, out handle).ThrowOnFailure();
            }

            fill(handle);
            return new XgbBooster(handle);
        }
        catch
        {
            handle?.Dispose();
            throw;
        }
        finally
        {
            if (added)
            {
                train!.Handle.DangerousRelease();
            }
        }
    }

    private static unsafe int ReadClasses(BoosterHandle handle)
    {
        NativeMethods.BoosterSaveJsonConfig(handle, out var length, out var json).ThrowOnFailure();
        using var config = JsonDocument.Parse(new ReadOnlyMemory<byte>(new ReadOnlySpan<byte>(json, checked((int)length)).ToArray()));
        var text = config.RootElement.GetProperty("learner").GetProperty("learner_model_param").GetProperty("num_class").GetString();
        var classes = int.Parse(text ?? "0", CultureInfo.InvariantCulture);
        return Math.Max(classes, 1);
    }
}
