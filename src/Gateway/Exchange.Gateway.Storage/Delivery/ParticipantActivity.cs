using Npgsql;

namespace Exchange.Gateway.Storage.Delivery;

/// <summary>
/// Keeps <c>participant_activity.last_take_at</c> inside a lease's transaction. The update touches (and locks) the row
/// only when the stored time is more than <see cref="Resolution"/> old: an <c>ON CONFLICT DO UPDATE ... WHERE</c> would
/// lock it on every lease and make a busy participant's concurrent leases wait for each other.
/// </summary>
internal static class ParticipantActivity
{
    /// <summary>How stale the recorded time may be: what the console's "last take" and "consumer alive" can bear.</summary>
    public static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);

    public static async Task RecordTakeAsync(NpgsqlConnection connection, string participant, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            WITH moved AS (
                UPDATE participant_activity SET last_take_at = $2
                WHERE participant = $1 AND last_take_at < $3)
            INSERT INTO participant_activity (participant, last_take_at)
            SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM participant_activity WHERE participant = $1)
            ON CONFLICT (participant) DO NOTHING
            """, connection);
        command.Parameters.AddWithValue(participant);
        command.Parameters.AddWithValue(at);
        command.Parameters.AddWithValue(at - Resolution);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
