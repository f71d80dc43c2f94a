using RiskMonitor.Core.Data;

namespace RiskMonitor.Tests.Data;

/// <summary>What the chunk appender refuses, and how it says so: wrong columns, types and counts, null list elements, tables
/// it cannot load.</summary>
public sealed class ChunkAppenderRefusalTests : IDisposable
{
    private readonly MemoryDuckDb _db = new();

    public ChunkAppenderRefusalTests() => _db.Connection.ExecuteScript(
        """
        CREATE TABLE wide (
            id BIGINT, small INTEGER, score DOUBLE, active BOOLEAN, day DATE, ts TIMESTAMP, name VARCHAR, tags VARCHAR[])
        """);

    public void Dispose() => _db.Dispose();

    [Fact]
    public void ChunkAppender_SetText_RefusesOtherColumnsAndRowsNotYetAppended()
    {
        _db.Connection.ExecuteScript("CREATE TABLE c (id BIGINT, label VARCHAR)");
        using var appender = _db.Connection.CreateChunkAppender("c");
        appender.Append(1L).Append("a").EndRow();

        var notText = () => appender.SetText(0, 0, "x"u8);
        var notYet = () => appender.SetText(1, 1, "x"u8);

        notText.Should().Throw<DuckDbException>().WithMessage("column 1 is BIGINT; cannot set text in it");
        notYet.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ChunkAppender_NullListElement_IsRefusedBeforeAnythingIsWritten()
    {
        _db.Connection.ExecuteScript("CREATE TABLE l (id INTEGER, tags VARCHAR[])");
        using var appender = _db.Connection.CreateChunkAppender("l");
        appender.Append(1);

        var act = () => appender.Append(new string[] { "a", null! });

        act.Should().Throw<ArgumentException>().WithMessage("element 1 of the list is null*");
        appender.Append(["a"]).EndRow();
        appender.Close();
        _db.Connection.ExecuteScalar<string>("SELECT tags::VARCHAR FROM l").Should().Be("[a]");
    }

    [Fact]
    public void ChunkAppender_IntIntoBigInt_IsWidened()
    {
        using (var appender = _db.Connection.CreateChunkAppender("wide"))
        {
            appender.Append(int.MinValue).Append(1).Append(0.5).Append(true).Append(new DateOnly(2026, 3, 5))
                .Append(new DateTime(2026, 3, 5, 14, 2, 11)).Append("x").Append(new List<string>()).EndRow();
            appender.Close();
        }

        _db.Connection.ExecuteScalar<long>("SELECT id FROM wide").Should().Be(int.MinValue);
    }

    [Fact]
    public void ChunkAppender_ValueOfTheWrongType_IsRefusedNamingTheColumn()
    {
        using var appender = _db.Connection.CreateChunkAppender("wide");
        appender.Append(1L);

        var act = () => appender.Append(2L);

        act.Should().Throw<DuckDbException>().WithMessage("column 2 is INTEGER; cannot append Int64*");
    }

    [Fact]
    public void ChunkAppender_TooManyOrTooFewValues_AreRefused()
    {
        _db.Connection.ExecuteScript("CREATE TABLE p (a INTEGER, b VARCHAR)");
        using var appender = _db.Connection.CreateChunkAppender("p");
        appender.Append(1);

        var tooFew = () => appender.EndRow();
        tooFew.Should().Throw<DuckDbException>().WithMessage("a row needs 2 values but 1 were appended");

        appender.Append("x");
        var tooMany = () => appender.Append("y");
        tooMany.Should().Throw<DuckDbException>().WithMessage("*call EndRow*");
        var tooManyNulls = () => appender.AppendNull();
        tooManyNulls.Should().Throw<DuckDbException>();
        appender.EndRow();
        appender.Close();
        _db.Connection.ExecuteScalar<string>("SELECT b FROM p WHERE a = 1").Should().Be("x");
    }

    [Fact]
    public void ChunkAppender_UnsupportedColumnType_IsRefusedWhenOpened()
    {
        _db.Connection.ExecuteScript("CREATE TABLE d (a INTEGER, amount DECIMAL(18,2))");

        var act = () => _db.Connection.CreateChunkAppender("d");

        act.Should().Throw<DuckDbException>().WithMessage("column 2 of d is Decimal*");
    }

    [Fact]
    public void ChunkAppender_NoSuchTable_IsDuckDbsError()
    {
        var act = () => _db.Connection.CreateChunkAppender("no_such_table");

        act.Should().Throw<DuckDbException>().WithMessage("*no_such_table*");
    }
}
