using Exchange.Gateway.Broker;
using Exchange.Gateway.Storage.Delivery;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Delivery;

/// <summary>Stores what the broker delivers in the recipient's inbox; the broker is acked only after the commit.</summary>
public sealed class InboxWriter(Inbox inbox, TimeProvider time, IOptions<GatewayOptions> gateway, ILogger<InboxWriter> logger) : IDeliveryHandler
{
    public async Task HandleAsync(string recipient, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var message = TransportCodec.Decode(body);
        if (message.Recipient != recipient)
        {
            throw new InvalidOperationException(
                $"Message {message.MessageId} is addressed to {message.Recipient} but arrived on the queue of {recipient}.");
        }
        var isNew = await inbox.StoreAsync(message, time.GetUtcNow(), gateway.Value.NodeName, cancellationToken);
        Log.Stored(logger, message.MessageId, recipient, isNew);
    }
}
