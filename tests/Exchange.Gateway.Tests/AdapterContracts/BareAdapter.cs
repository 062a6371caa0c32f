using System.Security;
using System.Xml;
using Exchange.Adapters.Contracts;
using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Attachments;
using Exchange.Adapters.Sdk.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Exchange.Gateway.Tests.AdapterContracts;

/// <summary>
/// The least adapter made with the SDK, as a vendor starts one: the adapter host into <see cref="BareMessageHandler"/>
/// and <see cref="BareStatusHandler"/>, the SQLite outbox in the adapter's own store. It accepts appeals, answers
/// them with an <c>AppealAnswer</c>, and sends <c>Notice</c>s to the counterpart.
/// </summary>
public sealed class BareAdapter : AdapterUnderTest
{
    private readonly ContractGateway _gateway;
    private readonly BareAdapterStore _store;
    private readonly IHost _host;

    private BareAdapter(ContractGateway gateway, BareAdapterStore store)
    {
        _gateway = gateway;
        _store = store;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(ContractAdapterSettings.For(gateway));
        builder.Configuration["Exchange:Outbox:SqlitePath"] = store.File;
        builder.Services.AddSingleton(gateway.Time);
        builder.Services.AddSingleton(store);
        builder.Services.AddExchangeAdapter(builder.Configuration.GetSection("Exchange"))
            .AddMessageHandler<BareMessageHandler>()
            .AddStatusHandler<BareStatusHandler>();
        _host = builder.Build();
    }

    public static async Task<BareAdapter> CreateAsync(ContractGateway gateway, string folder, CancellationToken cancellationToken)
    {
        var store = new BareAdapterStore(Path.Combine(folder, $"adapter-{Guid.NewGuid():N}.db"));
        await store.CreateAsync(cancellationToken);
        return new BareAdapter(gateway, store);
    }

    private IExchangeOutbox Outbox => _host.Services.GetRequiredService<IExchangeOutbox>();

    public override Task StartAsync(CancellationToken cancellationToken) => _host.StartAsync(cancellationToken);

    public override XmlElement RequestFromCounterpart(string text) => BusinessDocuments.Appeal(text);

    public override XmlElement ResponseFromCounterpart(ReceivedRequest request) =>
        Document($"<NoticeReceipt xmlns=\"{GatewayFixture.NoticeReceipt.NamespaceUri}\">{request.MessageId}</NoticeReceipt>");

    /// <summary>The decision and its outbox entry in one transaction: both are kept, or neither.</summary>
    public override async Task<Guid> DecideToSendRequestAsync(string text, IReadOnlyList<ContractFile> files, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var notice = Document($"<Notice xmlns=\"{GatewayFixture.Notice.NamespaceUri}\">{SecurityElement.Escape(text)}</Notice>");
        var messageId = await Outbox.EnqueueRequestAsync(notice,
            new SendOptions(To: _gateway.CounterpartParticipant, Attachments: Attachments(files)), transaction, cancellationToken);
        await using var sent = BareAdapterStore.Command(connection, transaction, "INSERT INTO sent VALUES ($1, $2)", messageId.ToString(), text);
        await sent.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return messageId;
    }

    public override async Task<Guid> AnswerAsync(Guid requestId, string text, IReadOnlyList<ContractFile> files, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenAsync(cancellationToken);
        await using var replyTo = BareAdapterStore.Command(connection, null, "SELECT reply_to FROM received WHERE message_id = $1", requestId.ToString());
        var to = (string)(await replyTo.ExecuteScalarAsync(cancellationToken))!;
        return await Outbox.EnqueueResponseAsync(to, BusinessDocuments.Appeal(text, root: "AppealAnswer"),
            new ResponseOptions(Attachments: Attachments(files)), cancellationToken: cancellationToken);
    }

    public override async Task<int> TimesStoredAsync(Guid messageId, CancellationToken cancellationToken) =>
        (int)(long)(await ScalarsAsync<long>("SELECT count(*) FROM received WHERE message_id = $1", messageId, cancellationToken))[0];

    public override async Task<IReadOnlyList<ContractFile>> StoredFilesAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenAsync(cancellationToken);
        await using var command = BareAdapterStore.Command(connection, null, "SELECT mime_type, content FROM received_files WHERE message_id = $1",
            messageId.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var files = new List<ContractFile>();
        while (await reader.ReadAsync(cancellationToken))
        {
            files.Add(new ContractFile("", reader.GetString(0), (byte[])reader[1]));
        }
        return files;
    }

    public override async Task<IReadOnlyList<SeenResponse>> ResponsesSeenAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenAsync(cancellationToken);
        await using var command = BareAdapterStore.Command(connection, null,
            "SELECT message_id, rejected FROM received WHERE kind = 'response' AND original_message_id = $1", requestId.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var responses = new List<SeenResponse>();
        while (await reader.ReadAsync(cancellationToken))
        {
            responses.Add(new SeenResponse(Guid.Parse(reader.GetString(0)), reader.GetBoolean(1)));
        }
        return responses;
    }

    public override async Task<IReadOnlyList<string>> StatusesSeenAsync(Guid messageId, CancellationToken cancellationToken) =>
        await ScalarsAsync<string>("SELECT category FROM statuses WHERE message_id = $1", messageId, cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private async Task<List<T>> ScalarsAsync<T>(string sql, Guid messageId, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenAsync(cancellationToken);
        await using var command = BareAdapterStore.Command(connection, null, sql, messageId.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetFieldValue<T>(0));
        }
        return values;
    }

    private static List<OutgoingAttachment> Attachments(IReadOnlyList<ContractFile> files) =>
        [.. files.Select((file, i) => new OutgoingAttachment($"file-{i + 1}", file.MimeType, file.Content))];

    private static XmlElement Document(string xml)
    {
        var document = new XmlDocument();
        document.LoadXml(xml);
        return document.DocumentElement!;
    }
}
