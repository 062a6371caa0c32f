using Exchange.Domain.Messages;
using Exchange.Domain.Messages.Search;
using Npgsql;

namespace Exchange.Gateway.Storage.Messages;

/// <summary>
/// Requests past their answer deadline that no response has answered or rejected yet and whose recipient still owes an
/// answer (<see cref="MessageStatus.NoAnswerOwed"/>), as of a time the caller gives. Read from the partial indexes of
/// requests owed an answer (migration 0022), which an answer, a failure, a discard or an expiry takes a request out of.
/// </summary>
public sealed class OverdueRequests(NpgsqlDataSource dataSource)
{
    /// <summary>Recipients owing answers, the longest overdue first.</summary>
    public sealed record Recipient(string Name, long Count, DateTimeOffset OldestDueAt);

    /// <summary>
    /// A <c>messages</c> row still owed an answer: word for word the predicate of the partial indexes
    /// <c>messages_awaiting_answer</c> and <c>messages_awaiting_answer_by_time</c> (migration 0022), with the statuses as
    /// literals, or the planner cannot prove a query's rows are in them.
    /// </summary>
    internal static readonly string AwaitingAnswerSql =
        $"answer_due_at IS NOT NULL AND answered_at IS NULL AND current_status NOT IN ({string.Join(", ", MessageStatus.NoAnswerOwed.Select(s => $"'{s}'"))})";

    /// <summary>The overdue condition on a <c>messages</c> row, judged at the parameter <paramref name="now"/> names.</summary>
    internal static string Condition(string now) => $"{AwaitingAnswerSql} AND answer_due_at < {now}";

    internal static readonly string ByRecipientSql = $"""
        SELECT recipient, count(*), min(answer_due_at) FROM messages
        WHERE {Condition("$1")}
        GROUP BY recipient
        ORDER BY min(answer_due_at), recipient
        """;

    internal static readonly string OfRecipientSql = $"""
        SELECT {FoundMessages.Columns} FROM messages
        WHERE recipient = $1 AND {Condition("$2")}
        ORDER BY answer_due_at, message_id
        LIMIT $3
        """;

    public async Task<IReadOnlyList<Recipient>> ByRecipientAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ByRecipientSql);
        command.Parameters.AddWithValue(now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var recipients = new List<Recipient>();
        while (await reader.ReadAsync(cancellationToken))
        {
            recipients.Add(new Recipient(reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }
        return recipients;
    }

    /// <summary>The requests <paramref name="recipient"/> owes answers to, the longest overdue first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<FoundMessage>> OfRecipientAsync(string recipient, DateTimeOffset now, int limit,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(OfRecipientSql);
        command.Parameters.AddWithValue(recipient);
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(limit);
        return await FoundMessages.ReadAsync(command, cancellationToken);
    }
}
