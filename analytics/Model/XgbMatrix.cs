using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RiskMonitor.Analytics.Model.Native;

namespace RiskMonitor.Analytics.Model;

/// <summary>
/// XGBoost's copy of a dense feature matrix (one row per case, one float column per feature) with optional labels and
/// weights. <see cref="float.NaN"/> marks a missing value, which trees route down their learned default branch.
/// </summary>
/// <remarks>XGBoost copies the data on creation: the managed arrays may be reused or changed afterwards.</remarks>
public sealed class XgbMatrix : IDisposable
{
    private XgbMatrix(DMatrixHandle handle, int rows, int columns)
    {
        Handle = handle;
        Rows = rows;
        Columns = columns;
    }

    public int Rows { get; }

    /// <summary>Number of features.</summary>
    public int Columns { get; }

    /// <summary>Whether labels were set; training needs them.</summary>
    public bool HasLabels { get; private set; }

    internal DMatrixHandle Handle { get; }

    /// <summary>A matrix from a row-major <c>[rows, features]</c> array.</summary>
    /// <param name="labels">Class index per row (0 … classes-1), as float; empty for data to predict on.</param>
    public static unsafe XgbMatrix Create(float[,] features, ReadOnlySpan<float> labels = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        var rows = features.GetLength(0);
        var columns = features.GetLength(1);
        RequireShape(rows, columns);
        ref var first = ref Unsafe.As<byte, float>(ref MemoryMarshal.GetArrayDataReference(features));
        fixed (float* data = &first)
        {
            return Create(data, rows, columns, labels);
        }
    }

    /// <summary>A matrix from rows of equal length.</summary>
    /// <param name="labels">Class index per row (0 … classes-1), as float; empty for data to predict on.</param>
    public static unsafe XgbMatrix FromRows(IReadOnlyList<float[]> rows, ReadOnlySpan<float> labels = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = rows.Count == 0 ? 0 : rows[0].Length;
        RequireShape(rows.Count, columns);
        var buffer = new float[checked(rows.Count * columns)];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != columns)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Length} values; row 0 has {columns}.", nameof(rows));
            }

            rows[i].CopyTo(buffer, i * columns);
        }

        fixed (float* data = buffer)
        {
            return Create(data, rows.Count, columns, labels);
        }
    }

    /// <summary>Sets the class index of every row.</summary>
    public void SetLabels(ReadOnlySpan<float> labels)
    {
        SetFloatInfo("label", labels, nameof(labels));
        HasLabels = true;
    }

    /// <summary>Sets every row's weight in training (default 1).</summary>
    public void SetWeights(ReadOnlySpan<float> weights) => SetFloatInfo("weight", weights, nameof(weights));

    public void Dispose() => Handle.Dispose();

    private static unsafe XgbMatrix Create(float* data, int rows, int columns, ReadOnlySpan<float> labels)
    {
        NativeMethods.DMatrixCreateFromMat(data, (ulong)rows, (ulong)columns, float.NaN, out var handle).ThrowOnFailure();
        var matrix = new XgbMatrix(handle, rows, columns);
        try
        {
            if (!labels.IsEmpty)
            {
                matrix.SetLabels(labels);
            }

            return matrix;
        }
        catch
        {
            matrix.Dispose();
            throw;
        }
    }

    private unsafe void SetFloatInfo(string field, ReadOnlySpan<float> values, string parameter)
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        if (values.Length != Rows)
        {
            throw new ArgumentException($"{values.Length} {field} values for {Rows} rows.", parameter);
        }

        fixed (float* data = values)
        {
            NativeMethods.DMatrixSetFloatInfo(Handle, field, data, (ulong)values.Length).ThrowOnFailure();
        }
    }

    private static void RequireShape(int rows, int columns)
    {
        if (rows == 0 || columns == 0)
        {
            throw new ArgumentException($"A matrix needs at least one row and one column (got {rows} × {columns}).");
        }
    }
}
