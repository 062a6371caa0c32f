using Exchange.Protocol.Messages;
using Microsoft.Extensions.Logging;

namespace Exchange.Adapters.Sdk.Hosting.Internal;

/// <summary>Takes this system's requests (GetRequest) and hands them to <see cref="IExchangeMessageHandler.HandleRequestAsync"/>.</summary>
internal sealed class RequestReceiver(AdapterHostServices host, ILogger<RequestReceiver> logger)
    : MessageReceiver<ReceivedRequest>(host, logger)
{
    protected override string Queue => "request";

    protected override (bool On, string Setting, string[] Types) Configuration(ExchangeAdapterOptions options) =>
        (options.ReceiveRequests, nameof(ExchangeAdapterOptions.ReceiveRequests), options.RequestTypes);

    protected override Task<ReceivedRequest?> TakeAsync(ExchangeClient client, TimeSpan wait, MessageType? type, CancellationToken cancellationToken) =>
        client.WaitForRequestAsync(wait, type, cancellationToken);

    protected override (Guid Id, string? Type, string? Sender, AuthorshipStatus Authorship) Describe(ReceivedRequest message) =>
        (message.MessageId, MessageType.Of(message.BusinessContent).ToString(), message.Metadata.Sender?.Mnemonic, message.Authorship.Status);

    protected override Task HandleAsync(IExchangeMessageHandler handler, ReceivedRequest message, CancellationToken cancellationToken) =>
        handler.HandleRequestAsync(message, cancellationToken);
}
