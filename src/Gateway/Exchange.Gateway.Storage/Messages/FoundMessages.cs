using Exchange.Domain.Messages.Search;
using Npgsql;

namespace Exchange.Gateway.Storage.Messages;

/// <summary>How a <see cref="FoundMessage"/> is read from the <c>messages</c> table: the metadata, never the content.</summary>
internal static class FoundMessages
{
    public const string Columns =
        "message_id, kind, sender, recipient, namespace_uri, root_element, current_status, current_status_at, accepted_at, answer_due_at, is_test";

    public static async Task<List<FoundMessage>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<FoundMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(Read(reader));
        }
        return messages;
    }

    /// <summary>The message in the row's first columns (<see cref="Columns"/>); a query may select more after them.</summary>
    public static FoundMessage Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        MessageKinds.Parse(reader.GetString(1)),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.GetFieldValue<DateTimeOffset>(7),
        reader.GetFieldValue<DateTimeOffset>(8),
        reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
        reader.GetBoolean(10));
}
