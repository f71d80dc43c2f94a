using System.Globalization;
using System.Text;
using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Normalisation;
using RiskMonitor.Ingest.Pipeline;

namespace RiskMonitor.Tests.Ingest.Pipeline;

/// <summary>
/// A complaints file of many data chunks with mostly bad rows (so the quarantine is flushed during the load) and repeats
/// thousands of lines apart (so they meet only after loading): every row is accounted for and every loaded row is whole.
/// </summary>
public sealed class ComplaintManyChunksTests : IDisposable
{
    private const int Rows = 30_000;

    private readonly IngestBench _bench = new();

    private static string Line(int i, string text) => string.Create(CultureInfo.InvariantCulture,
        $"C{i},2026-03-{1 + (i % 28):D2} 09:{i % 60:D2}:00,{(i % 3 == 0 ? "宜昌市" : "火星市")},电热水壶,某某电器有限公司,美电,MK-{i % 100},电话,是,"
        + $"{text},张伟,{(i % 7 == 0 ? string.Empty : "139" + i.ToString("D8", CultureInfo.InvariantCulture))}\n");

    [Fact]
    public void Ingest_ManyChunksMostlyBadWithDistantRepeats_AccountsForEveryRow()
    {
        var path = _bench.Directory.File("many.csv");
        long duplicates = 0, conflicts = 0;
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write("登记编号,登记时间,所属区域,商品类别,被诉主体,品牌,规格型号,来源渠道,是否网购,诉求内容,投诉人,联系电话\n");
            for (var i = 1; i <= Rows; i++)
            {
                writer.Write(Line(i, "烧水时底座漏电，手被电击受伤。"));
            }

            // Good rows again, 3,000 to 30,000 lines after their first: the same row (a duplicate) or other text (a conflict).
            for (var i = 3; i <= Rows; i += 3_000)
            {
                writer.Write(Line(i, "烧水时底座漏电，手被电击受伤。"));
                writer.Write(Line(i + 3, "更正：底座起火。"));
                (duplicates, conflicts) = (duplicates + 1, conflicts + 1);
            }
        }

        var result = _bench.Ingest(IngestSource.Complaints, path);

        _bench.AssertAccounted(result);
        (result.Read, result.Loaded, result.Quarantined, result.Duplicate)
            .Should().Be((Rows + duplicates + conflicts, Rows / 3L, (2L * Rows / 3) + conflicts, duplicates));
        _bench.Count("SELECT count(*) FROM quarantine WHERE reason LIKE '%重复但内容不同%' AND raw_text LIKE '%更正%'").Should().Be(conflicts);
        _bench.Count("SELECT count(DISTINCT complaint_id) FROM fact_complaint").Should().Be(Rows / 3);
        _bench.Count("SELECT count(*) FROM fact_complaint WHERE text LIKE '%更正%'").Should().Be(0, "the first row of a key is kept");
        _bench.Count("SELECT count(*) FROM fact_complaint WHERE hazards <> ['electric_shock'] OR NOT injury").Should().Be(0);

        using var data = new PersonalData(IngestBench.HashKey);
        var keys = _bench.Query("SELECT complaint_id, complainant_key FROM fact_complaint ORDER BY complaint_id", r => (r.GetString(0), r.GetStringOrNull(1)));
        foreach (var (id, key) in keys)
        {
            key.Should().Be(data.ComplainantKey("张伟", Phone(int.Parse(id.AsSpan(1), CultureInfo.InvariantCulture))), id);
        }
    }

    private static string? Phone(int i) => i % 7 == 0 ? null : "139" + i.ToString("D8", CultureInfo.InvariantCulture);

    public void Dispose() => _bench.Dispose();
}
