using Npgsql;

namespace Exchange.Gateway.Storage.Calls;

/// <summary>
/// The signed calls the gateway has answered, shared by every node through PostgreSQL: the primary key decides, so
/// two nodes receiving one call at once answer it once.
/// </summary>
public sealed class ReplayCache(NpgsqlDataSource dataSource)
{
    /// <summary>Records a call unless it was recorded before.</summary>
    /// <param name="call">A 32-byte identity of the signed call.</param>
    /// <param name="keepUntil">When the call can no longer be accepted anyway, so the record may go.</param>
    /// <returns>True for a call seen the first time; false for a replay.</returns>
    public async Task<bool> TryRecordAsync(byte[] call, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO answered_calls (call, kept_until) VALUES ($1, $2) ON CONFLICT (call) DO NOTHING");
        command.Parameters.AddWithValue(call);
        command.Parameters.AddWithValue(keepUntil);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <returns>How many records kept until before <paramref name="before"/> were removed.</returns>
    public async Task<int> ForgetAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM answered_calls WHERE kept_until < $1");
        command.Parameters.AddWithValue(before);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
