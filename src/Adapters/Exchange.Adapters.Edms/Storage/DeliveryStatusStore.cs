using Exchange.Adapters.Edms.Domain;
using Npgsql;

namespace Exchange.Adapters.Edms.Storage;

/// <summary>The status stream's events, kept by the MessageID they are about.</summary>
public sealed class DeliveryStatusStore(EdmsDatabase database)
{
    public async Task AppendAsync(Guid messageId, DeliveryStatus status, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
                "INSERT INTO delivery_statuses (message_id, category, details, received_at) VALUES ($1, $2, $3, $4)", connection)
            .With(messageId).With(status.Category).With(status.Details).WithTime(status.ReceivedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static async Task<IReadOnlyList<DeliveryStatus>> ReadAsync(NpgsqlConnection connection, Guid messageId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT category, details, received_at FROM delivery_statuses WHERE message_id = $1 ORDER BY id", connection).With(messageId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var statuses = new List<DeliveryStatus>();
        while (await reader.ReadAsync(cancellationToken))
        {
            statuses.Add(new DeliveryStatus(reader.GetString(0), reader.NullableString(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }
        return statuses;
    }
}
