using System.Xml;
using Exchange.Domain.Deadlines;
using Exchange.Domain.Routing;
using Exchange.Gateway.Acceptance;
using Exchange.Gateway.Attachments;
using Exchange.Gateway.Callers;
using Exchange.Gateway.Directory;
using Exchange.Protocol;
using Exchange.Protocol.BusinessTypes;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;
using Exchange.Protocol.Xml;

namespace Exchange.Gateway.Soap.Operations;

/// <summary>
/// SendRequest: identify the caller, route by the directory (named recipient, territory, provider or broadcast),
/// store message + status + outbox rows in one transaction, wake the relay, answer with the message's metadata.
/// </summary>
public sealed class SendRequestOperation(
    CallerVerifier callers,
    BusinessTypeRegistry businessTypes,
    PersonalSignatureVerifier personalSignatures,
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
        var sender = await acceptance.SenderAsync(send.MessageId, send.CallerSignature, send.RequestData, context, cancellationToken);
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

        return acceptance.Receipt(stored, sender, directory.Current.Participant(stored.Recipient));
    }

    /// <summary>The recipient recorded for a broadcast itself; each copy names its own.</summary>
    public const string BroadcastRecipient = "*";
}
