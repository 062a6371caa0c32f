using Exchange.Protocol.Messages;
using Microsoft.Extensions.Logging;

namespace Exchange.Adapters.Sdk.Hosting.Internal;

/// <summary>Takes the responses to this system's requests (GetResponse) and hands them to <see cref="IExchangeMessageHandler.HandleResponseAsync"/>.</summary>
internal sealed class ResponseReceiver(AdapterHostServices host, ILogger<ResponseReceiver> logger)
    : MessageReceiver<ReceivedResponse>(host, logger)
{
    protected override string Queue => "response";

    protected override (bool On, string Setting, string[] Types) Configuration(ExchangeAdapterOptions options) =>
        (options.ReceiveResponses, nameof(ExchangeAdapterOptions.ReceiveResponses), options.ResponseTypes);

    protected override Task<ReceivedResponse?> TakeAsync(ExchangeClient client, TimeSpan wait, MessageType? type, CancellationToken cancellationToken) =>
        client.WaitForResponseAsync(wait, type, cancellationToken);

    protected override (Guid Id, string? Type, string? Sender, AuthorshipStatus Authorship) Describe(ReceivedResponse message) =>
        (message.MessageId, message.BusinessContent is { } content ? MessageType.Of(content).ToString()
            : message.Rejections.Count > 0 ? "RequestRejected" : null,
            message.Metadata.Sender?.Mnemonic, message.Authorship.Status);

    protected override Task HandleAsync(IExchangeMessageHandler handler, ReceivedResponse message, CancellationToken cancellationToken) =>
        handler.HandleResponseAsync(message, cancellationToken);
}
