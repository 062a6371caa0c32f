using System.Xml;
using Exchange.Adapters.Contracts;
using Exchange.Adapters.Edms;
using Exchange.Adapters.Edms.Domain;
using Exchange.Adapters.Edms.Domain.Business;
using Exchange.Adapters.Edms.Messaging;
using Exchange.Adapters.Edms.Registration;
using Exchange.Adapters.Edms.Storage;
using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Hosting;
using Exchange.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Exchange.Gateway.Tests.AdapterContracts;

/// <summary>
/// The reference EDMS as <c>exchange-edms</c> wires it (<c>AddEdms</c>, the adapter host into
/// <see cref="EdmsMessageHandler"/>, the outbox in its own PostgreSQL), over a database of its own. Counterparts send
/// it citizens' appeals; its clerks send official letters and answer appeals through its modules.
/// </summary>
public sealed class EdmsAdapter : AdapterUnderTest
{
    private static readonly Official Clerk = new("Sokolova", "Anna", null, "Head of the general department");

    private readonly WebApplication _app;
    private readonly TestDatabase _database;
    private readonly string _counterpart;

    private EdmsAdapter(WebApplication app, TestDatabase database, string counterpart)
    {
        _app = app;
        _database = database;
        _counterpart = counterpart;
    }

    public static async Task<EdmsAdapter> CreateAsync(ContractGateway gateway, string folder, CancellationToken cancellationToken)
    {
        var database = await TestDatabase.CreateAsync("edms");
        // The content root is a folder of its own, so the gateway's appsettings.json beside the tests is not read.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = folder });
        builder.Configuration.AddInMemoryCollection(ContractAdapterSettings.For(gateway));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Edms"] = database.ConnectionString,
            ["Edms:OrganisationName"] = "Health Committee of Leningrad oblast",
            ["Edms:ApiKey"] = "edms-contract-api-key-0123456789",
            ["Exchange:Outbox:Provider"] = "PostgreSql",
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddSingleton(gateway.Time);
        builder.AddEdms().AddEdmsExchange();
        var app = builder.Build();
        app.MapEdms();
        await app.MigrateEdmsAsync(cancellationToken);
        return new EdmsAdapter(app, database, gateway.CounterpartParticipant);
    }

    private NpgsqlDataSource DataSource => _app.Services.GetRequiredService<EdmsDatabase>().DataSource;

    public override Task StartAsync(CancellationToken cancellationToken) => _app.StartAsync(cancellationToken);

    public override XmlElement RequestFromCounterpart(string text) => BusinessDocuments.CitizenAppeal(text);

    public override XmlElement ResponseFromCounterpart(ReceivedRequest request)
    {
        var document = new XmlDocument();
        document.LoadXml($"""
            <OfficialLetterReceipt xmlns="{GatewayFixture.OfficialLetterReceipt.NamespaceUri}" xmlns:c="urn://exchange.region/common/1.0">
              <SenderRegistration><c:Number>01-16/1</c:Number><c:Date>2030-09-02</c:Date></SenderRegistration>
              <Registered><IncomingRegistration><c:Number>01-15/7</c:Number><c:Date>2030-09-02</c:Date></IncomingRegistration></Registered>
            </OfficialLetterReceipt>
            """);
        return document.DocumentElement!;
    }

    public override async Task<Guid> DecideToSendRequestAsync(string text, IReadOnlyList<ContractFile> files, CancellationToken cancellationToken)
    {
        var letter = new OutgoingLetter(_counterpart, "Public services portal", "Contract suite", text, null, Clerk, Files(files));
        var registered = await _app.Services.GetRequiredService<OutgoingLetters>().SendAsync(letter, cancellationToken);
        return await SentAsAsync(registered, cancellationToken);
    }

    public override async Task<Guid> AnswerAsync(Guid requestId, string text, IReadOnlyList<ContractFile> files, CancellationToken cancellationToken)
    {
        await using var find = DataSource.CreateCommand("SELECT journal, number FROM documents WHERE message_id = $1");
        find.Parameters.AddWithValue(requestId);
        RegistrationNumber appeal;
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            Assert.True(await reader.ReadAsync(cancellationToken), $"{requestId} is not registered.");
            appeal = new RegistrationNumber(reader.GetString(0), reader.GetInt32(1));
        }
        var answer = new AppealAnswer("explained", text, Clerk, Files(files));
        var registered = await _app.Services.GetRequiredService<AppealAnswers>().AnswerAsync(appeal, answer, cancellationToken);
        return await SentAsAsync(registered, cancellationToken);
    }

    public override async Task<int> TimesStoredAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand("SELECT count(*) FROM documents WHERE message_id = $1");
        command.Parameters.AddWithValue(messageId);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public override async Task<IReadOnlyList<ContractFile>> StoredFilesAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand("""
            SELECT f.name, f.mime_type, f.content FROM document_files f JOIN documents d ON d.id = f.document_id WHERE d.message_id = $1
            """);
        command.Parameters.AddWithValue(messageId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var files = new List<ContractFile>();
        while (await reader.ReadAsync(cancellationToken))
        {
            files.Add(new ContractFile(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2)));
        }
        return files;
    }

    public override async Task<IReadOnlyList<SeenResponse>> ResponsesSeenAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(
            "SELECT message_id, cardinality(rejections) > 0 FROM exchange_responses WHERE original_message_id = $1");
        command.Parameters.AddWithValue(requestId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var responses = new List<SeenResponse>();
        while (await reader.ReadAsync(cancellationToken))
        {
            responses.Add(new SeenResponse(reader.GetGuid(0), reader.GetBoolean(1)));
        }
        return responses;
    }

    public override async Task<IReadOnlyList<string>> StatusesSeenAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand("SELECT category FROM delivery_statuses WHERE message_id = $1 ORDER BY id");
        command.Parameters.AddWithValue(messageId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var statuses = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            statuses.Add(reader.GetString(0));
        }
        return statuses;
    }

    public override async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<Guid> SentAsAsync(RegisteredDocument document, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand("SELECT message_id FROM documents WHERE id = $1");
        command.Parameters.AddWithValue(document.Id);
        return (Guid)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static List<DocumentFile> Files(IReadOnlyList<ContractFile> files) =>
        [.. files.Select(f => new DocumentFile(f.Name, f.MimeType, f.Content))];
}
