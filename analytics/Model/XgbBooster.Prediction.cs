using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RiskMonitor.Analytics.Model.Native;

namespace RiskMonitor.Analytics.Model;

public sealed partial class XgbBooster
{
    /// <summary>Probability of each class for each row: <c>[rows, classes]</c>, each row summing to 1.</summary>
    public float[,] PredictProbabilities(XgbMatrix data) => PredictPerClass(data, PredictionType.Value);

    /// <summary>Raw scores before the softmax: <c>[rows, classes]</c>.</summary>
    public float[,] PredictMargins(XgbMatrix data) => PredictPerClass(data, PredictionType.Margin);

    /// <summary>
    /// SHAP contributions: <c>[rows, classes, features + 1]</c>, the last entry being the bias. For each row and class
    /// they sum to that class's margin (<see cref="PredictMargins"/>).
    /// </summary>
    public float[,,] PredictContributions(XgbMatrix data)
    {
        var (shape, values) = Predict(data, PredictionType.Contribution);
        // Without strict_shape XGBoost drops the class axis when there is a single output group.
        var (classes, width) = shape.Length switch
        {
            2 => (1UL, shape[1]),
            3 => (shape[1], shape[2]),
            _ => throw UnexpectedShape(shape),
        };
        if (width != (ulong)Features + 1)
        {
            throw UnexpectedShape(shape);
        }

        var result = new float[data.Rows, (int)classes, (int)width];
        values.CopyTo(Flat(result));
        return result;
    }

    private float[,] PredictPerClass(XgbMatrix data, PredictionType type)
    {
        var (shape, values) = Predict(data, type);
        var classes = shape.Length switch
        {
            1 => 1UL,
            2 => shape[1],
            _ => throw UnexpectedShape(shape),
        };
        var result = new float[data.Rows, (int)classes];
        values.CopyTo(Flat(result));
        return result;
    }

    private unsafe (ulong[] Shape, float[] Values) Predict(XgbMatrix data, PredictionType type)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Columns < Features)
        {
            // XGBoost 1.7 refuses more columns than the model knows but silently treats missing trailing columns as
            // missing values; a short row here is always a caller's mistake, so it fails like the XGBoost check does.
            throw new XGBoostException(
                $"Number of columns does not match number of features in booster: the data has {data.Columns}, the model {Features}.");
        }

        var config = $$"""{"type": {{(int)type}}, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": false}""";
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            NativeMethods.BoosterPredictFromDMatrix(_handle, data.Handle, config, out var shapePointer, out var dimensions, out var result)
                .ThrowOnFailure();

            // Both buffers belong to the booster and die with its next call: copy them inside the lock.
            var shape = new ReadOnlySpan<ulong>(shapePointer, checked((int)dimensions)).ToArray();
            if (shape.Length == 0 || shape[0] != (ulong)data.Rows)
            {
                throw UnexpectedShape(shape);
            }

            var count = 1UL;
            foreach (var extent in shape)
            {
                count = checked(count * extent);
            }

            return (shape, new ReadOnlySpan<float>(result, checked((int)count)).ToArray());
        }
    }

    private static Span<float> Flat(Array array) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, float>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);

    private static XGBoostException UnexpectedShape(ulong[] shape) =>
        new($"XGBoost returned predictions of unexpected shape ({string.Join(", ", shape)}).");

    /// <summary>The <c>type</c> field of XGBoost's prediction config.</summary>
    private enum PredictionType
    {
        Value = 0,
        Margin = 1,
        Contribution = 2,
    }
}
