using Exchange.Domain.Messages;
using Exchange.Gateway.Storage.Delivery;
using Exchange.Gateway.Storage.Messages;
using Exchange.Gateway.Storage.Migrations;
using Exchange.Protocol.Messages;
using Exchange.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Exchange.Gateway.Storage.Tests.Search;

/// <summary>The message row's current status is the last entry of its history after every kind of change.</summary>
public sealed class CurrentStatusTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private DateTimeOffset Now => fixture.Time.GetUtcNow();

    // The row's status and time, against the last history entry's, for each message; equal when they agree.
    private const string DisagreeingSql = """
        SELECT count(*) FROM messages m
        CROSS JOIN LATERAL (SELECT status, at FROM message_status WHERE message_id = m.message_id ORDER BY id DESC LIMIT 1) last
        WHERE m.message_id = ANY($1) AND (m.current_status, m.current_status_at) IS DISTINCT FROM (last.status, last.at)
        """;

    private async Task<string> CurrentAsync(Guid messageId)
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT current_status FROM messages WHERE message_id = $1");
        command.Parameters.AddWithValue(messageId);
        return (string)(await command.ExecuteScalarAsync(Token))!;
    }

    private async Task AssertAgreesAsync(string status, params Guid[] messageIds)
    {
        Assert.Equal(0, await fixture.CountAsync(DisagreeingSql, messageIds));
        foreach (var messageId in messageIds)
        {
            Assert.Equal(status, await CurrentAsync(messageId));
        }
    }

    [Fact]
    public async Task the_current_status_follows_a_request_from_acceptance_to_its_answer()
    {
        var request = fixture.NewMessage("C1") with { AnswerDueAt = Now.AddDays(1) };
        await fixture.Messages.AcceptAsync(request, "PORTAL", Token);
        await AssertAgreesAsync(MessageStatus.Accepted, request.MessageId);

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await fixture.Inbox.StoreAsync(StorageFixture.Relayed(request), Now, "node-a", Token);
        await AssertAgreesAsync(MessageStatus.Queued, request.MessageId);

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await fixture.Inbox.LeaseNextAsync("C1", MessageKind.Request, null, null, Now, Lease, "C1", Token);
        await AssertAgreesAsync(MessageStatus.Delivered, request.MessageId);

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var response = fixture.NewMessage("PORTAL") with { Kind = MessageKind.Response, Sender = "C1", OriginalMessageId = request.MessageId };
        await fixture.Messages.AcceptAsync(response, "C1", Token, new StatusChange(request.MessageId, MessageStatus.Answered, null));
        await AssertAgreesAsync(MessageStatus.Answered, request.MessageId);
        await AssertAgreesAsync(MessageStatus.Accepted, response.MessageId);
        var answeredAt = Now;

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await fixture.Inbox.AcknowledgeAsync("C1", request.MessageId, true, Now, Token);
        await AssertAgreesAsync(MessageStatus.Acknowledged, request.MessageId);
        Assert.Equal(1, await fixture.CountAsync("SELECT count(*) FROM messages WHERE message_id = $1 AND answered_at = $2", request.MessageId, answeredAt));
    }

    [Fact]
    public async Task the_expiry_sweep_sets_the_current_status_of_every_message_it_expires()
    {
        var messages = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var message = fixture.NewMessage("C2") with { EndOfLife = Now.AddMinutes(1) };
            await fixture.Messages.AcceptAsync(message, "PORTAL", Token);
            await fixture.Inbox.StoreAsync(StorageFixture.Relayed(message), Now, "node-a", Token);
            messages.Add(message.MessageId);
        }
        fixture.Time.Advance(TimeSpan.FromMinutes(2));

        await new ExpirySweep(fixture.DataSource).ExpireBatchAsync(Now, 100, "node-a", Token);

        await AssertAgreesAsync(MessageStatus.Expired, [.. messages]);
    }

    [Fact]
    public async Task each_broadcast_copy_has_its_own_current_status_and_an_undeliverable_one_is_failed()
    {
        var broadcast = fixture.NewMessage("C3") with { Kind = MessageKind.Broadcast };
        var reached = fixture.NewMessage("C3_A") with { Kind = MessageKind.Broadcast };
        var lost = fixture.NewMessage("C3_B") with { Kind = MessageKind.Broadcast };
        await fixture.Messages.AcceptAsync(broadcast, "PORTAL", Token, copies: [reached, lost]);
        await AssertAgreesAsync(MessageStatus.Accepted, broadcast.MessageId, reached.MessageId, lost.MessageId);

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await fixture.Inbox.StoreAsync(StorageFixture.Relayed(reached), Now, "node-a", Token);
        await fixture.Inbox.RecordUndeliverableAsync(StorageFixture.Relayed(lost), "dead-lettered", Now, "node-a", Token);

        await AssertAgreesAsync(MessageStatus.Queued, reached.MessageId);
        await AssertAgreesAsync(MessageStatus.Failed, lost.MessageId);
        await AssertAgreesAsync(MessageStatus.Accepted, broadcast.MessageId);
    }

    [Fact]
    public async Task the_migration_backfills_the_current_status_and_the_answer_of_messages_stored_before_it()
    {
        await using var database = await TestDatabase.CreateAsync("backfill");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);
        await runner.ApplyAsync(Token);
        var messages = new MessageStore(dataSource);
        var request = fixture.NewMessage("C4");
        await messages.AcceptAsync(request, "PORTAL", Token);
        var response = fixture.NewMessage("PORTAL") with { Kind = MessageKind.Response, Sender = "C4", OriginalMessageId = request.MessageId };
        await messages.AcceptAsync(response with { AcceptedAt = Now.AddMinutes(1) }, "C4", Token,
            new StatusChange(request.MessageId, MessageStatus.Answered, null));
        await new Inbox(dataSource).StoreAsync(StorageFixture.Relayed(request), Now.AddMinutes(2), "node-a", Token);

        // Back to the schema before 0016, with the rows and their history kept, then forward again.
        await using (var undo = dataSource.CreateCommand("""
            ALTER TABLE messages DROP COLUMN current_status, DROP COLUMN current_status_at, DROP COLUMN answered_at;
            DROP INDEX messages_by_time, messages_by_recipient_time, messages_by_type_time;
            DELETE FROM schema_migrations WHERE version = 16;
            """))
        {
            await undo.ExecuteNonQueryAsync(Token);
        }
        Assert.Equal(1, await runner.ApplyAsync(Token));

        await using var command = dataSource.CreateCommand(
            "SELECT current_status, current_status_at, answered_at FROM messages WHERE message_id = $1");
        command.Parameters.AddWithValue(request.MessageId);
        await using var reader = await command.ExecuteReaderAsync(Token);
        Assert.True(await reader.ReadAsync(Token));
        Assert.Equal(MessageStatus.Queued, reader.GetString(0));
        Assert.Equal(Now.AddMinutes(2), reader.GetFieldValue<DateTimeOffset>(1));
        Assert.Equal(Now.AddMinutes(1), reader.GetFieldValue<DateTimeOffset>(2));
    }
}
