namespace RiskMonitor.Core.Data;

/// <summary>An explicit transaction; disposed without <see cref="Commit"/>, it rolls back.</summary>
public sealed class DuckDbTransaction : IDisposable
{
    private readonly DuckDbConnection _connection;
    private bool _completed;

    internal DuckDbTransaction(DuckDbConnection connection) => _connection = connection;

    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _completed = true;
        _connection.ExecuteScript("COMMIT");
    }

    public void Rollback()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        _completed = true;
        _connection.ExecuteScript("ROLLBACK");
    }

    public void Dispose()
    {
        if (!_completed)
        {
            Rollback();
        }
    }
}
