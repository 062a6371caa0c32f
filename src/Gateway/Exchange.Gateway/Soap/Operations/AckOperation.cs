using System.Xml;
using Exchange.Domain.Delivery;
using Exchange.Gateway.Callers;
using Exchange.Gateway.Metrics;
using Exchange.Gateway.Storage.Delivery;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Soap.Operations;

/// <summary>Ack: the caller confirms a message it was handed; it is never handed out again.</summary>
public sealed class AckOperation(
    CallerVerifier callers,
    Inbox inbox,
    GatewayMetrics metrics,
    TimeProvider time,
    ILogger<AckOperation> logger) : ISoapOperation
{
    public string Name => "Ack";

    public async Task<XmlElement> HandleAsync(SoapRequest request, SoapCallContext context, CancellationToken cancellationToken)
    {
        var ack = AckRequest.Parse(request.Operation);
        context.MessageId = ack.TargetMessageId;
        var caller = callers.Verify(ack.CallerSignature, ack.TargetElement);
        context.Caller = caller.Mnemonic;

        var outcome = await inbox.AcknowledgeAsync(caller.Mnemonic, ack.TargetMessageId, ack.Accepted, time.GetUtcNow(), cancellationToken);
        if (outcome == AckOutcome.NotFound)
        {
            throw new SmevFaultException(SmevFault.TargetMessageIsNotFound(ack.TargetMessageId));
        }
        Log.Acknowledged(logger, ack.TargetMessageId, caller.Mnemonic, ack.Accepted, outcome.ToString());
        if (outcome == AckOutcome.Acknowledged)
        {
            metrics.MessageAcknowledged();
        }
        return SoapEnvelopeWriter.BuildBody(AckRequest.WriteResponse);
    }
}
