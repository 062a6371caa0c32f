using Exchange.Adapters.Edms.Domain;
using Exchange.Adapters.Edms.Messaging;
using Exchange.Adapters.Edms.Storage;
using Exchange.Adapters.Sdk.Hosting;
using Exchange.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Exchange.Adapters.Edms.Tests;

/// <summary>
/// The EDMS as Program wires it, on Kestrel at a free loopback port, with a database of its own per test class, a
/// fixed clock and the <see cref="RecordingOutbox"/> in place of the SDK's outbox.
/// </summary>
public sealed class EdmsFixture : IAsyncLifetime
{
    /// <summary>09:00 in Moscow on a Tuesday.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 10, 6, 0, 0, TimeSpan.Zero);

    public const string ApiKey = "edms-tests-api-key-0123456789";

    private TestDatabase? _database;
    private WebApplication? _app;
    private int _journals;

    public FakeTimeProvider Clock { get; } = new(Start);

    public HttpClient Http { get; } = new();

    public IServiceProvider Services => _app!.Services;

    public EdmsDatabase Database => Get<EdmsDatabase>();

    public EdmsMessageHandler Handler => ActivatorUtilities.CreateInstance<EdmsMessageHandler>(Services);

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("edms");
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Concurrency tests queue on a pool smaller than their tasks: the test server is shared with other runs.
            ["ConnectionStrings:Edms"] = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { MaxPoolSize = 20 }.ConnectionString,
            ["Edms:OrganisationName"] = "Administration of Priozersky municipal district",
            ["Edms:ApiKey"] = ApiKey,
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddSingleton<IExchangeOutbox, RecordingOutbox>();
        builder.AddEdms();
        _app = builder.Build();
        _app.MapEdms();
        await _app.MigrateEdmsAsync(TestContext.Current.CancellationToken);
        await using (var table = Database.DataSource.CreateCommand(RecordingOutbox.Table))
        {
            await table.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        await _app.StartAsync(TestContext.Current.CancellationToken);
        Http.BaseAddress = new Uri(_app.Urls.First());
        Http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>A journal of the test's own, so it can count its numbers from 1.</summary>
    public async Task<string> NewJournalAsync(CancellationToken cancellationToken)
    {
        var code = $"99-{Interlocked.Increment(ref _journals):00}";
        await using var command = Database.DataSource.CreateCommand("INSERT INTO journals (code, title) VALUES ($1, 'Test journal')");
        command.Parameters.AddWithValue(code);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return code;
    }

    /// <summary>The document registered for the message <paramref name="messageId"/>.</summary>
    public async Task<Document> DocumentOfAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var command = Database.DataSource.CreateCommand("SELECT journal, number FROM documents WHERE message_id = $1");
        command.Parameters.AddWithValue(messageId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        Assert.True(await reader.ReadAsync(cancellationToken), $"Nothing is registered for {messageId}.");
        var number = new RegistrationNumber(reader.GetString(0), reader.GetInt32(1));
        Assert.False(await reader.ReadAsync(cancellationToken), $"{messageId} is registered more than once.");
        return (await Get<DocumentStore>().GetAsync(number, cancellationToken))!;
    }

    /// <summary>How many rows of <paramref name="table"/> have <paramref name="messageId"/> in <paramref name="column"/>.</summary>
    public async Task<long> CountAsync(string table, string column, Guid messageId, CancellationToken cancellationToken)
    {
        await using var command = Database.DataSource.CreateCommand($"SELECT count(*) FROM {table} WHERE {column} = $1");
        command.Parameters.AddWithValue(messageId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>What the EDMS put in the outbox as <paramref name="messageId"/>.</summary>
    public async Task<(string Operation, string? Recipient, string Content, int Attachments)?> OutboxEntryAsync(Guid messageId,
        CancellationToken cancellationToken)
    {
        await using var command = Database.DataSource.CreateCommand(
            "SELECT operation, recipient, content, attachments FROM recorded_outbox WHERE message_id = $1");
        command.Parameters.AddWithValue(messageId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetInt32(3))
            : null;
    }

    /// <summary>
    /// <paramref name="content"/> as the business document it is, after checking it against its type's schema in
    /// schemas/business as the gateway will when it is sent.
    /// </summary>
    public static System.Xml.XmlElement SchemaValid(string content, Protocol.Messages.MessageType type)
    {
        var document = new System.Xml.XmlDocument();
        document.LoadXml(content);
        Assert.Equal(type, Protocol.Messages.MessageType.Of(document.DocumentElement!));
        Schemas.Validate(document.DocumentElement!);
        return document.DocumentElement!;
    }

    private static readonly Protocol.BusinessTypes.BusinessTypeRegistry Schemas = new();

    /// <summary>The outbox entries whose content mentions <paramref name="text"/>.</summary>
    public async Task<IReadOnlyList<(string Operation, string? Recipient, string Content)>> OutboxMentioningAsync(string text,
        CancellationToken cancellationToken)
    {
        await using var command = Database.DataSource.CreateCommand(
            "SELECT operation, recipient, content FROM recorded_outbox WHERE strpos(content, $1) > 0");
        command.Parameters.AddWithValue(text);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<(string, string?, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
        }
        return entries;
    }
}
