using Exchange.Domain.Delivery;
using Npgsql;

namespace Exchange.Gateway.Storage.Delivery;

/// <summary>
/// Every participant's inbox at once, for the console: one grouped query over the waiting rows (the partial index of
/// rows not acknowledged nor expired) and one over <c>participant_activity</c>, never a query per participant.
/// </summary>
public sealed class ParticipantQueues(NpgsqlDataSource dataSource)
{
    internal const string WaitingSql = """
        SELECT recipient, count(*), count(*) FILTER (WHERE delivered_at IS NOT NULL AND available_at > $1), min(received_at)
        FROM inbox
        WHERE acknowledged_at IS NULL AND expired_at IS NULL
        GROUP BY recipient
        """;

    internal const string LastTakeSql = "SELECT participant, last_take_at FROM participant_activity";

    /// <summary>The inboxes that hold or held anything, by participant; a participant missing here is idle.</summary>
    public async Task<IReadOnlyDictionary<string, InboxState>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, InboxState>(StringComparer.Ordinal);
        await using (var waiting = dataSource.CreateCommand(WaitingSql))
        {
            waiting.Parameters.AddWithValue(now);
            await using var reader = await waiting.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var participant = reader.GetString(0);
                states[participant] = new InboxState(participant, reader.GetInt64(1), reader.GetInt64(2),
                    reader.GetFieldValue<DateTimeOffset>(3), null);
            }
        }
        await using (var lastTake = dataSource.CreateCommand(LastTakeSql))
        {
            await using var reader = await lastTake.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var participant = reader.GetString(0);
                states[participant] = states.GetValueOrDefault(participant, InboxState.Idle(participant)) with
                {
                    LastTakeAt = reader.GetFieldValue<DateTimeOffset>(1),
                };
            }
        }
        return states;
    }
}
