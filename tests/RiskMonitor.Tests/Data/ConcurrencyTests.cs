using RiskMonitor.Core.Data;

namespace RiskMonitor.Tests.Data;

public sealed class ConcurrencyTests
{
    private const int Threads = 4;
    private const long RowsPerThread = 200_000;

    [Fact]
    public void Connections_FourThreadsStreamingAtOnce_EachGetsItsOwnCorrectRows()
    {
        using var database = DuckDbDatabase.Open(DuckDbDatabase.InMemory);
        using var barrier = new Barrier(Threads);
        var results = new (long Count, long Sum, long TextLength, long Nulls)[Threads];
        var failures = new Exception?[Threads];

        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            try
            {
                using var connection = database.Connect();
                barrier.SignalAndWait();
                using var reader = connection.ExecuteReader(
                    "SELECT i * $1, 'thread ' || $1 || ' row ' || i, CASE WHEN i % 10 = 0 THEN NULL ELSE i END FROM range($2) t(i)",
                    (long)(t + 1), RowsPerThread);
                var acc = (Count: 0L, Sum: 0L, TextLength: 0L, Nulls: 0L);
                while (reader.Read())
                {
                    acc.Count++;
                    acc.Sum += reader.GetInt64(0);
                    var text = reader.GetString(1);
                    if (!text.StartsWith($"thread {t + 1} row ", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"thread {t} read someone else's row: {text}");
                    }

                    acc.TextLength += text.Length;
                    acc.Nulls += reader.IsNull(2) ? 1 : 0;
                }

                results[t] = acc;
            }
            catch (Exception ex) // an exception escaping a thread would take the whole test run down with it
            {
                failures[t] = ex;
            }
        })).ToList();
        threads.ForEach(th => th.Start());
        threads.ForEach(th => th.Join());

        failures.Should().AllSatisfy(f => f.Should().BeNull());
        var digits = Enumerable.Range(0, (int)RowsPerThread).Sum(i => (long)i.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        for (var t = 0; t < Threads; t++)
        {
            var prefix = $"thread {t + 1} row ".Length;
            results[t].Should().Be((RowsPerThread, (t + 1) * (RowsPerThread * (RowsPerThread - 1) / 2), (prefix * RowsPerThread) + digits, RowsPerThread / 10));
        }
    }

    [Fact]
    public void Connections_WriterAndReadersOnOneDatabase_SeeCommittedRows()
    {
        using var database = DuckDbDatabase.Open(DuckDbDatabase.InMemory);
        using (var setup = database.Connect())
        {
            setup.ExecuteScript("CREATE TABLE t AS SELECT i FROM range(100000) t(i)");
        }

        var sums = new long[Threads];
        Parallel.For(0, Threads, t =>
        {
            using var connection = database.Connect();
            sums[t] = connection.Stream("SELECT i FROM t", r => r.GetInt64(0)).Sum();
        });

        sums.Should().AllBeEquivalentTo(100000L * 99999 / 2);
    }
}
