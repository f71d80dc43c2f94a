using RiskMonitor.Ingest.Tabular;

namespace RiskMonitor.Ingest.Sample;

/// <summary>The flaws real exports have, planted a few per file and recorded nowhere: the ingest must find them itself.</summary>
internal enum DirtyKind
{
    /// <summary>A required cell left empty (no region, no text, no result).</summary>
    MissingRequired,

    /// <summary>A region no dictionary knows (火星市).</summary>
    UnknownRegion,

    /// <summary>A date that cannot exist (2026-02-30, month 13).</summary>
    ImpossibleDate,

    /// <summary>A count written in words (三).</summary>
    NonNumericCount,

    /// <summary>The same row twice.</summary>
    ExactDuplicate,

    /// <summary>A key seen before on different content (a reused complaint or sample number, a station's second report).</summary>
    DuplicateKey,
}

/// <summary>
/// One output file: writes the header, projects canonical rows onto the sender's layout, and spoils about 0.2 % of rows
/// (at least two per file) at positions drawn in advance, cycling through the flaw kinds from file to file.
/// </summary>
internal sealed class SampleSheet : IDisposable
{
    private const double DirtyRate = 0.002;

    private static readonly string[] UnknownRegions = ["火星市", "湖北省火星市", "月球县", "未知地区"];
    private static readonly string[] CountWords = ["三", "两", "若干", "十几"];

    private readonly FilePlan _plan;
    private readonly ITabularWriter _writer;
    private readonly Random _random;
    private readonly Dictionary<long, DirtyKind> _dirty = [];
    private string? _firstKey;
    private long _index;

    public SampleSheet(FilePlan plan, long expectedRows, Random random)
    {
        _plan = plan;
        _random = random;
        _writer = TabularWriters.Create(plan.Path, plan.CsvEncoding, plan.Layout.TitleFor(plan.Month));
        _writer.WriteRow(plan.Layout.Headers);

        var kinds = Enum.GetValues<DirtyKind>().Where(k => k != DirtyKind.NonNumericCount || plan.Schema.Counts.Count > 0).ToList();
        var count = Math.Max(2, (int)Math.Round(expectedRows * DirtyRate));
        var room = Math.Max(count + 1, (long)(expectedRows * 0.9));
        while (_dirty.Count < count)
        {
            _dirty.TryAdd(1 + _random.NextInt64(room), kinds[((plan.MonthIndex * count) + _dirty.Count) % kinds.Count]);
        }
    }

    /// <summary>Data rows written so far, dirty ones included.</summary>
    public long Rows { get; private set; }

    /// <summary>Writes one row given in canonical column order; the array may be changed.</summary>
    public void Write(string?[] row)
    {
        var schema = _plan.Schema;
        _firstKey ??= row[schema.Key];
        if (!_dirty.TryGetValue(_index++, out var kind))
        {
            Emit(row);
            return;
        }

        switch (kind)
        {
            case DirtyKind.MissingRequired:
                row[_random.Pick(schema.Required)] = string.Empty;
                break;
            case DirtyKind.UnknownRegion:
                row[schema.Region] = _random.Pick(UnknownRegions);
                break;
            case DirtyKind.ImpossibleDate:
                row[schema.Date] = schema.DateIsMonth ? _plan.MonthStyle.Impossible(_plan.Month) : _plan.DateStyle.Impossible(_plan.Month, _random);
                break;
            case DirtyKind.NonNumericCount:
                row[_random.Pick(schema.Counts)] = _random.Pick(CountWords);
                break;
            case DirtyKind.ExactDuplicate:
                Emit(row);
                break;
            case DirtyKind.DuplicateKey when !schema.UniqueKey:
                // A station reports many rows under one id; the flaw is the same station and category twice with other counts.
                Emit(row);
                row = (string?[])row.Clone();
                row[schema.Counts[0]] = _random.Next(1, 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case DirtyKind.DuplicateKey:
                row[schema.Key] = _firstKey;
                break;
        }

        Emit(row);
    }

    public void Dispose() => _writer.Dispose();

    private void Emit(string?[] row)
    {
        var columns = _plan.Layout.Columns;
        var cells = new string?[columns.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = row[columns[i].Column];
        }

        _writer.WriteRow(cells);
        Rows++;
    }
}
