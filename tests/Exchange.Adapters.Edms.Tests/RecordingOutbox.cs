using System.Data.Common;
using System.Xml;
using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Hosting;
using Npgsql;

namespace Exchange.Adapters.Edms.Tests;

/// <summary>
/// Stands in for the SDK's durable outbox until its contract suite lands: each call is written to
/// <c>recorded_outbox</c> on the transaction it is given, so it commits or rolls back with the EDMS's own change.
/// </summary>
public sealed class RecordingOutbox : IExchangeOutbox
{
    public const string Table = """
        CREATE TABLE recorded_outbox (
            message_id   uuid PRIMARY KEY,
            operation    text NOT NULL,
            recipient    text,
            content      text NOT NULL,
            attachments  integer NOT NULL
        )
        """;

    public Task<Guid> EnqueueRequestAsync(XmlElement businessContent, SendOptions? options = null, DbTransaction? transaction = null,
        CancellationToken cancellationToken = default) =>
        RecordAsync(transaction, "request", options?.To, businessContent.OuterXml, options?.Attachments?.Count ?? 0, cancellationToken);

    public Task<Guid> EnqueueResponseAsync(string to, XmlElement businessContent, ResponseOptions? options = null, DbTransaction? transaction = null,
        CancellationToken cancellationToken = default) =>
        RecordAsync(transaction, "response", to, businessContent.OuterXml, options?.Attachments?.Count ?? 0, cancellationToken);

    public Task<Guid> EnqueueRejectionAsync(string to, string code, string description, DbTransaction? transaction = null,
        CancellationToken cancellationToken = default) =>
        RecordAsync(transaction, "rejection", to, $"{code}: {description}", 0, cancellationToken);

    private static async Task<Guid> RecordAsync(DbTransaction? transaction, string operation, string? recipient, string content, int attachments,
        CancellationToken cancellationToken)
    {
        // The EDMS always hands over its own transaction; recording without one would hide a decision that does not roll back.
        var npgsql = transaction as NpgsqlTransaction ?? throw new InvalidOperationException("The EDMS enqueued without its transaction.");
        var messageId = Guid.NewGuid();
        await using var command = new NpgsqlCommand(
            "INSERT INTO recorded_outbox (message_id, operation, recipient, content, attachments) VALUES ($1, $2, $3, $4, $5)",
            npgsql.Connection, npgsql);
        command.Parameters.AddWithValue(messageId);
        command.Parameters.AddWithValue(operation);
        command.Parameters.AddWithValue((object?)recipient ?? DBNull.Value);
        command.Parameters.AddWithValue(content);
        command.Parameters.AddWithValue(attachments);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return messageId;
    }
}
