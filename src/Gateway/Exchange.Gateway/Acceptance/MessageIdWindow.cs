using Exchange.Gateway.Soap;
using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol;
using Exchange.Protocol.Faults;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Acceptance;

/// <summary>
/// Refuses new messages whose MessageID says it was made too long ago, or in the future. A message its sender already
/// had accepted is not new: a resend of it, however late (MEDO resends for up to 72 hours), is let through to be
/// answered as the first time, for as long as the gateway keeps the message.
/// </summary>
public sealed class MessageIdWindow(IOptions<SoapOptions> options, MessageStore messages, TimeProvider time)
{
    public async Task CheckAsync(Guid messageId, string sender, CancellationToken cancellationToken)
    {
        var createdAt = MessageIds.CreatedAt(messageId);
        var now = time.GetUtcNow();
        if (createdAt >= now - options.Value.MaxMessageIdAge && createdAt <= now + options.Value.MaxMessageIdSkew)
        {
            return;
        }
        if (await messages.PartiesAsync(messageId, sender, cancellationToken) is { } accepted && accepted.Sender == sender)
        {
            return;
        }
        throw new SmevFaultException(SmevFault.StaleMessageId(messageId, createdAt));
    }
}
