using System.Text;
using RiskMonitor.Core.Data;
using RiskMonitor.Ingest.Normalisation;

namespace RiskMonitor.Tests.Ingest.Normalisation;

/// <summary>Keys hashed a chunk at a time land in the right rows and equal the keys hashed one by one.</summary>
public sealed class ComplainantKeyBatchTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("key-A-0123456789abcdef");

    // Phones in every form the key normalises, missing phones with and without a name, long names (hashed one by one
    // past 55 bytes) and digit runs longer than a phone.
    private static (string? Name, string? Phone) Complainant(int i) => (i % 9) switch
    {
        0 => ("张伟", $"138{i:D8}"),
        1 => (null, $"+86 139-{i % 10_000:D4}-{i / 10 % 10_000:D4}"),
        2 => (" 欧阳娜娜 ", null),
        3 => (null, null),
        4 => ("李" + new string('娜', 20 + (i % 7)), "123"),
        5 => ("王芳", new string('9', 40) + i),
        6 => (string.Empty, "  "),
        7 => ("赵强", $"0086 13{i % 10}{i:D8}"),
        _ => ("周" + i, $"027-{i:D8}"),
    };

    [Theory]
    [InlineData(10)]
    [InlineData(2048)]
    [InlineData(2049)]
    [InlineData(6000)]
    public void Complete_KeysOfManyRows_EqualTheKeysComputedOneByOne(int rows)
    {
        using var data = new PersonalData(Key);
        using var db = new RiskMonitor.Tests.Data.MemoryDuckDb();
        db.Connection.ExecuteScript("CREATE TABLE k (id INTEGER, complainant_key VARCHAR)");
        var batch = new ComplainantKeyBatch(data);
        using (var appender = db.Connection.CreateChunkAppender("k", queuedChunks: 3))
        {
            appender.ChunkCompleting = _ => batch.Complete(appender, 1);
            for (var i = 0; i < rows; i++)
            {
                var (name, phone) = Complainant(i);
                appender.Append(i).Append(batch.Add(appender.RowInChunk, name, phone) ? string.Empty : null).EndRow();
            }

            appender.Close();
        }

        var stored = db.Connection.Query("SELECT id, complainant_key FROM k ORDER BY id", r => (r.GetInt32(0), r.GetStringOrNull(1)));
        stored.Should().HaveCount(rows);
        foreach (var (id, key) in stored)
        {
            var (name, phone) = Complainant(id);
            key.Should().Be(data.ComplainantKey(name, phone), $"row {id}: {name} / {phone}");
        }

        stored.Should().Contain(s => s.Item2 == null, "rows without phone or name have no key").And.Contain(s => s.Item2 != null);
    }
}
