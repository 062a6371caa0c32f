using System.Xml;
using Exchange.Domain.Deadlines;
using Exchange.Domain.Directory;
using Exchange.Domain.Messages;
using Exchange.Domain.Routing;
using Exchange.Gateway.Attachments;
using Exchange.Gateway.Directory;
using Exchange.Gateway.Signing;
using Exchange.Gateway.Soap;
using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol;
using Exchange.Protocol.BusinessTypes;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;
using Exchange.Protocol.Xml;

namespace Exchange.Gateway.Operations;

/// <summary>
/// SendRequest: identify the caller, route by the directory (named recipient, territory, provider or broadcast),
/// store message + status + outbox rows in one transaction, wake the relay, answer with the message's metadata.
/// </summary>
public sealed class SendRequestOperation(
    CallerVerifier callers,
    MessageIdWindow messageIds,
    BusinessTypeRegistry businessTypes,
    PersonalSignatureVerifier personalSignatures,
    GatewaySigner signer,
    DirectoryCache directory,
    MessageAcceptance acceptance,
    WorkingCalendar calendar,
    AttachmentIntake attachments,
    TimeProvider time) : ISoapOperation
{
    public string Name => "SendRequest";

    public async Task<XmlElement> HandleAsync(SoapRequest request, SoapCallContext context, CancellationToken cancellationToken)
    {
        var send = SendRequestRequest.Parse(request.Operation);
        context.MessageId = send.MessageId;
        var sender = callers.Verify(send.CallerSignature, send.RequestData);
        context.Caller = sender.Mnemonic;
        await messageIds.CheckAsync(send.MessageId, sender.Mnemonic, cancellationToken);
        if (send.EndOfLife is { } endOfLife && endOfLife <= time.GetUtcNow())
        {
            throw new SmevFaultException(SmevFault.EndOfLifeReached(endOfLife));
        }
        if (send.Routing is { } routing)
        {
            callers.VerifyRouting(routing, sender, send.MessageId);
        }

        var type = send.MessageType;
        var route = RequestRouter.Route(directory.Current, sender.Participant, type, send.Routing?.To, send.Routing?.Territory);
        businessTypes.Validate(send.BusinessContent);
        personalSignatures.VerifyIfPresent(send.PersonalSignature, send.BusinessContent);
        var files = attachments.Take(send.AttachmentHeaders, request);

        var candidate = acceptance.Candidate(send.MessageId, route.IsBroadcast ? MessageKind.Broadcast : MessageKind.Request, sender.Mnemonic,
            route.IsBroadcast ? BroadcastRecipient : route.Recipients[0].Mnemonic,
            type, send.ReferenceMessageId, send.TransactionCode, send.IsTest, send.RequestData.ToStandaloneXml()) with
            {
                Attachments = files,
                EndOfLife = send.EndOfLife,
                SenderSignature = SenderSignature.Keep(send.CallerSignature!),
            };
        if (route.AnswerDeadline is { } deadline)
        {
            candidate = candidate with { AnswerDueAt = calendar.DueAt(candidate.AcceptedAt, deadline) };
        }
        var copies = route.IsBroadcast
            ? route.Recipients.Select(r => candidate with { MessageId = MessageIds.NewVersion1(time.GetUtcNow()), Recipient = r.Mnemonic }).ToList()
            : null;
        var stored = await acceptance.AcceptAsync(candidate, null, cancellationToken, copies, route.Reason);

        var recipient = directory.Current.Participant(stored.Recipient);
        var metadata = new MessageMetadata
        {
            MessageId = stored.MessageId,
            Kind = stored.Kind,
            Sender = new Party(sender.Mnemonic, sender.Name),
            SendingTimestamp = stored.AcceptedAt,
            Recipient = recipient is null ? null : new Party(recipient.Mnemonic, recipient.Name),
            Status = "requestIsQueued",
        };
        var response = SoapEnvelopeWriter.BuildBody(writer => SendRequestRequest.WriteResponse(writer, metadata));
        signer.SignInto(response, response.RequiredChild(SmevNamespaces.Types, "MessageMetadata"));
        return response;
    }

    /// <summary>The recipient recorded for a broadcast itself; each copy names its own.</summary>
    public const string BroadcastRecipient = "*";
}
