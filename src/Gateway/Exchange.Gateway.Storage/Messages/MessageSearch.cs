using Exchange.Domain.Messages.Search;
using Npgsql;

namespace Exchange.Gateway.Storage.Messages;

/// <summary>
/// Answers an operator's <see cref="MessageQuery"/> a page at a time, newest first, by keyset: a page starts after the
/// previous page's last (accepted_at, message_id), so a deep page costs what the first does and messages arriving
/// meanwhile neither repeat nor hide a row. Each filter narrows a range of one of the messages indexes (migration 0016).
/// </summary>
public sealed class MessageSearch(NpgsqlDataSource dataSource)
{
    /// <param name="now">The time overdue is judged at (<see cref="MessageQuery.OverdueOnly"/>).</param>
    /// <exception cref="InvalidMessageQueryException">The query has problems; nothing was read.</exception>
    public async Task<MessagePage> SearchAsync(MessageQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(query, now, connection);
        var messages = await FoundMessages.ReadAsync(command, cancellationToken);
        if (messages.Count <= query.PageSize)
        {
            return new MessagePage(messages, null);
        }
        // One row past the page was read only to learn that another page follows.
        var page = messages.Take(query.PageSize).ToList();
        return new MessagePage(page, new MessageCursor(page[^1].AcceptedAt, page[^1].MessageId).Encode());
    }

    /// <summary>The search's statement with its parameters bound (its plan is checked by a test).</summary>
    internal static NpgsqlCommand Command(MessageQuery query, DateTimeOffset now, NpgsqlConnection connection)
    {
        var after = query.StartAfter();
        var command = new NpgsqlCommand { Connection = connection };
        string Bind(object value)
        {
            command.Parameters.AddWithValue(value);
            return $"${command.Parameters.Count}";
        }

        var where = new List<string>();
        if (query.MessageId is { } messageId)
        {
            where.Add($"message_id = {Bind(messageId)}");
        }
        if (!string.IsNullOrEmpty(query.Sender))
        {
            where.Add($"sender = {Bind(query.Sender)}");
        }
        if (!string.IsNullOrEmpty(query.Recipient))
        {
            where.Add($"recipient = {Bind(query.Recipient)}");
        }
        if (!string.IsNullOrEmpty(query.NamespaceUri))
        {
            where.Add($"namespace_uri = {Bind(query.NamespaceUri)}");
        }
        if (!string.IsNullOrEmpty(query.RootElement))
        {
            where.Add($"root_element = {Bind(query.RootElement)}");
        }
        if (!string.IsNullOrEmpty(query.Status))
        {
            where.Add($"current_status = {Bind(query.Status)}");
        }
        if (query is { From: { } from, To: { } to })
        {
            where.Add($"accepted_at >= {Bind(from)} AND accepted_at < {Bind(to)}");
        }
        if (query.IsTest is { } isTest)
        {
            where.Add($"is_test = {Bind(isTest)}");
        }
        if (query.OverdueOnly)
        {
            where.Add(OverdueRequests.Condition(Bind(now)));
        }
        if (after is not null)
        {
            where.Add($"(accepted_at, message_id) < ({Bind(after.AcceptedAt)}, {Bind(after.MessageId)})");
        }
        var limit = Bind(query.PageSize + 1);
        command.CommandText = $"""
            SELECT {FoundMessages.Columns} FROM messages
            WHERE {(where.Count == 0 ? "true" : string.Join(" AND ", where))}
            ORDER BY accepted_at DESC, message_id DESC
            LIMIT {limit}
            """;
        return command;
    }
}
