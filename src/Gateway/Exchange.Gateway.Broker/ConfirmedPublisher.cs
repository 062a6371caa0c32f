using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Exchange.Gateway.Broker;

/// <summary>
/// Publishes persistent messages and returns only when the broker has confirmed every one of them
/// (written to the quorum queue's majority). Publishes of a batch are pipelined: all are sent, then all
/// confirms awaited, which is what makes confirmed publishing fast.
/// </summary>
public sealed class ConfirmedPublisher(BrokerConnection connection, IOptions<BrokerOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _declaredRecipients = [];
    private IChannel? _channel;

    /// <summary>
    /// Throws when any message is not confirmed: a nack (e.g. a queue at a length limit refusing it, see
    /// <see cref="DeliveryTopology.RecipientArguments"/>), a message returned unroutable, a channel failure. The caller then
    /// keeps the messages and publishes them again.
    /// </summary>
    public async Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var channel = await ChannelAsync(cancellationToken);
            foreach (var recipient in messages.Select(m => m.Recipient).Distinct())
            {
                if (!_declaredRecipients.Contains(recipient))
                {
                    // A queue of an earlier version's arguments is published to as it is; the consumer logs the mismatch.
                    await DeliveryTopology.DeclareRecipientAsync(await connection.GetAsync(cancellationToken), recipient,
                        options.Value.DeliveryLimit, cancellationToken);
                    _declaredRecipients.Add(recipient);
                }
            }

            var confirms = new List<Task>(messages.Count);
            foreach (var message in messages)
            {
                var properties = new BasicProperties
                {
                    Persistent = true,
                    MessageId = message.MessageId,
                    Type = message.Type,
                    ContentType = "application/json",
                };
                // mandatory: a message no queue takes comes back as a failure instead of vanishing.
                confirms.Add(channel.BasicPublishAsync(DeliveryTopology.DeliveryExchange, message.Recipient,
                    mandatory: true, properties, message.Body, cancellationToken).AsTask());
            }
            await Task.WhenAll(confirms);
        }
        catch
        {
            // The channel may be closed or hold unknown confirm state; the next batch starts on a fresh one.
            await ResetChannelAsync();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } open)
        {
            return open;
        }
        var amqp = await connection.GetAsync(cancellationToken);
        _channel = await amqp.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        _declaredRecipients.Clear();
        return _channel;
    }

    private async Task ResetChannelAsync()
    {
        if (_channel is null)
        {
            return;
        }
        var channel = _channel;
        _channel = null;
        if (channel.IsOpen)
        {
            await channel.CloseAsync();
        }
        channel.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await ResetChannelAsync();
        _gate.Dispose();
    }
}
