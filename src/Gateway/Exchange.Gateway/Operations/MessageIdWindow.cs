using Exchange.Gateway.Soap;
using Exchange.Protocol;
using Exchange.Protocol.Faults;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Operations;

/// <summary>Refuses new messages whose MessageID says it was made too long ago, or in the future.</summary>
public sealed class MessageIdWindow(IOptions<SoapOptions> options, TimeProvider time)
{
    public void Check(Guid messageId)
    {
        var createdAt = MessageIds.CreatedAt(messageId);
        var now = time.GetUtcNow();
        if (createdAt < now - options.Value.MaxMessageIdAge || createdAt > now + options.Value.MaxMessageIdSkew)
        {
            throw new SmevFaultException(SmevFault.StaleMessageId(messageId, createdAt));
        }
    }
}
