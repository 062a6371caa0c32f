using System.Xml;
using Exchange.Gateway.Callers;
using Exchange.Gateway.Signing;
using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Messages;
using Exchange.Protocol.Xml;

namespace Exchange.Gateway.Soap.Operations;

/// <summary>
/// GetStatus: the next event of the caller's status stream — what became of the messages it sent (queued, delivered,
/// rejected, answered). Rejections found after acceptance are reported here as well as in the message's history, so
/// a sender that polls only by type still learns of them.
/// </summary>
public sealed class GetStatusOperation(CallerVerifier callers, StatusStream statuses, GatewaySigner signer, TimeProvider time) : ISoapOperation
{
    public string Name => "GetStatus";

    public async Task<XmlElement> HandleAsync(SoapRequest request, SoapCallContext context, CancellationToken cancellationToken)
    {
        var get = GetStatusRequest.Parse(request.Operation);
        var caller = await callers.VerifyOnceAsync(get.CallerSignature, get.TimestampElement, get.Timestamp, cancellationToken);
        context.Caller = caller.Mnemonic;

        var next = await statuses.TakeNextAsync(caller.Mnemonic, time.GetUtcNow(), cancellationToken);
        if (next is null)
        {
            return SoapEnvelopeWriter.BuildBody(writer => GetStatusResponse.Write(writer, null));
        }
        context.MessageId = next.MessageId;
        var status = new ProcessingStatus(next.MessageId, next.Category, next.Details);
        var response = SoapEnvelopeWriter.BuildBody(writer => GetStatusResponse.Write(writer, status));
        var message = response.RequiredChild(SmevNamespaces.Types, "SmevAsyncProcessingMessage");
        signer.SignInto(message, message.RequiredChild(SmevNamespaces.Types, "AsyncProcessingStatusData"));
        return response;
    }
}
