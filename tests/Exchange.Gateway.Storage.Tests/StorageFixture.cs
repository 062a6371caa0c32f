using Exchange.Domain.Delivery;
using Exchange.Domain.Messages;
using Exchange.Gateway.Storage.Delivery;
using Exchange.Gateway.Storage.Directory;
using Exchange.Gateway.Storage.Messages;
using Exchange.Gateway.Storage.Migrations;
using Exchange.Protocol.Messages;
using Exchange.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Exchange.Gateway.Storage.Tests;

/// <summary>A migrated database of its own for one test class, and the stores over it.</summary>
public sealed class StorageFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public MessageStore Messages { get; private set; } = null!;
    public Outbox Outbox { get; private set; } = null!;
    public Inbox Inbox { get; private set; } = null!;
    public DirectoryStore Directory { get; private set; } = null!;
    public ApiTokenStore ApiTokens { get; private set; } = null!;
    public string ConnectionString => _database!.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("storage");
        DataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        await new MigrationRunner(DataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        Messages = new MessageStore(DataSource);
        Outbox = new Outbox(DataSource, Time);
        Inbox = new Inbox(DataSource);
        Directory = new DirectoryStore(DataSource, Time);
        ApiTokens = new ApiTokenStore(DataSource, Time);
    }

    public AcceptedMessage NewMessage(string recipient = "HEALTH", string rootElement = "Appeal", string content = "<Appeal/>") =>
        new(Exchange.Protocol.MessageIds.NewVersion1(Time.GetUtcNow()), MessageKind.Request, "PORTAL", recipient, "urn:test", rootElement,
            null, null, false, System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)),
            content, Time.GetUtcNow());

    /// <summary>What the relay puts on the broker for <paramref name="message"/>, as the recipient's inbox takes it.</summary>
    public static RelayedMessage Relayed(AcceptedMessage message) => new(message.MessageId, message.Recipient);

    public async Task<long> CountAsync(string sql, params object[] values)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; ten seconds in vain fail the test naming <paramref name="what"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        // A monotonic stopwatch, not the wall clock: a clock step while the test waits must not end or stretch the wait.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"Waited 10 s in vain for {what}.");
            }
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
