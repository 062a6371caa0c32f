using System.Xml;
using Exchange.Gateway.Delivery;
using Exchange.Gateway.Signing;
using Exchange.Protocol;
using Exchange.Protocol.Xml;
using Exchange.Gateway.Soap;
using Exchange.Gateway.Storage.Delivery;
using Exchange.Gateway.Storage.Directory;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Messages;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Operations;

/// <summary>GetRequest: lease the caller's oldest waiting request (of the selected type) and hand it over.</summary>
public sealed class GetRequestOperation(
    CallerVerifier callers,
    GatewaySigner signer,
    ParticipantDirectory directory,
    Inbox inbox,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<GetRequestOperation> logger) : ISoapOperation
{
    public string Name => GetRequestRequest.OperationName;

    public async Task<XmlElement> HandleAsync(SoapRequest request, SoapCallContext context, CancellationToken cancellationToken)
    {
        var get = GetRequestRequest.Parse(request.Operation);
        var caller = await callers.VerifyAsync(get.CallerSignature, get.SelectorElement, cancellationToken);
        context.Caller = caller.Mnemonic;

        var leased = await inbox.LeaseNextAsync(caller.Mnemonic, "request", get.Selector.Type?.NamespaceUri,
            get.Selector.Type?.RootElement, time.GetUtcNow(), options.Value.LeaseDuration, caller.Mnemonic, cancellationToken);
        if (leased is null)
        {
            return SoapEnvelopeWriter.BuildBody(writer => GetRequestRequest.WriteResponse(writer, null));
        }

        var message = leased.Message;
        context.MessageId = message.MessageId;
        Log.Delivered(logger, message.MessageId, caller.Mnemonic, leased.DeliveryCount);
        var sender = await directory.FindAsync(message.Sender, cancellationToken);
        var delivered = new DeliveredRequest(
            message.Content,
            new MessageMetadata
            {
                MessageId = message.MessageId,
                Kind = MessageKind.Request,
                Sender = new Party(message.Sender, sender?.Name ?? message.Sender),
                SendingTimestamp = message.AcceptedAt,
                Recipient = new Party(caller.Mnemonic, caller.Name),
                DeliveryTimestamp = leased.DeliveredAt,
                Status = "messageIsDelivered",
            },
            ReplyAddress.For(message));
        var response = SoapEnvelopeWriter.BuildBody(writer => GetRequestRequest.WriteResponse(writer, delivered));
        var requestMessage = response.RequiredChild(SmevNamespaces.Types, "RequestMessage");
        signer.SignInto(requestMessage, requestMessage.RequiredChild(SmevNamespaces.Types, "Request"));
        return response;
    }
}
