using RiskMonitor.Analytics.Model.Native;

namespace RiskMonitor.Analytics.Model;

public sealed partial class XgbBooster
{
    private const string JsonFormat = """{"format": "json"}""";

    /// <summary>
    /// The model in XGBoost's JSON model format (UTF-8): trees, objective and class count, not the training parameters.
    /// Identical training gives identical bytes.
    /// </summary>
    public unsafe byte[] ToJson()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            NativeMethods.BoosterSaveModelToBuffer(_handle, JsonFormat, out var length, out var data).ThrowOnFailure();
            return new ReadOnlySpan<byte>(data, checked((int)length)).ToArray();
        }
    }

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/>, replacing the file only once it is complete.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var json = ToJson();
        var partial = path + ".partial";
        File.WriteAllBytes(partial, json);
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Reads a model written by <see cref="Save"/> (or by any XGBoost 1.x as JSON or UBJSON).</summary>
    public static XgbBooster Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FromJson(File.ReadAllBytes(path));
    }

    /// <summary>A model from the bytes <see cref="ToJson"/> returned.</summary>
    /// <exception cref="XGBoostException">The bytes are not a model XGBoost can read.</exception>
    public static unsafe XgbBooster FromJson(ReadOnlySpan<byte> model)
    {
        if (model.IsEmpty)
        {
            throw new ArgumentException("The model is empty.", nameof(model));
        }

        fixed (byte* data = model)
        {
            var pointer = data;
            var length = (ulong)model.Length;
            return Create(train: null, handle => NativeMethods.BoosterLoadModelFromBuffer(handle, pointer, length).ThrowOnFailure());
        }
    }
}
