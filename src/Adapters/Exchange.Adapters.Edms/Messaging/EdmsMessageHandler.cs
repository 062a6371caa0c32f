using Exchange.Adapters.Edms.Domain;
using Exchange.Adapters.Edms.Domain.Business;
using Exchange.Adapters.Edms.Storage;
using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Hosting;
using Exchange.Protocol.Messages;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Edms.Messaging;

/// <summary>
/// What the EDMS does with each message the adapter host receives. A request is registered with its files and its
/// control card in one transaction, by its MessageID once; an official letter's receipt (with the number it got) is
/// queued in the outbox on that same transaction. A response is linked to the outgoing document it answers. Both
/// return only after the commit, so the host acknowledges only what is stored.
/// </summary>
public sealed class EdmsMessageHandler(EdmsDatabase database, DocumentStore documents, IExchangeOutbox outbox, TimeProvider time,
    IOptions<EdmsOptions> options, ILogger<EdmsMessageHandler> logger) : IExchangeMessageHandler
{
    public Task HandleRequestAsync(ReceivedRequest request, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async transaction =>
        {
            if (await documents.IsRegisteredAsync(transaction, request.MessageId, cancellationToken))
            {
                Log.AlreadyRegistered(logger, request.MessageId);
                return;
            }
            var zone = options.Value.Zone;
            var now = time.GetUtcNow();
            var incoming = IncomingReader.Read(request.BusinessContent, now, zone);
            var type = MessageType.Of(request.BusinessContent).ToString();
            var sender = request.Metadata.Sender;
            var registered = await documents.RegisterAsync(transaction, new NewDocument(incoming.Kind, incoming.Journal, type, incoming.Subject, incoming.Body)
            {
                UnknownType = incoming.UnknownType,
                MessageId = request.MessageId,
                Correspondent = sender?.Mnemonic,
                CorrespondentName = incoming.CorrespondentName ?? sender?.HumanReadableName,
                ReplyTo = request.ReplyTo,
                // Registered whatever it is, so nothing is lost; the clerk sees whether the sender's signature proves it.
                Authorship = request.Authorship.Status.ToString().ToLowerInvariant(),
                Applicant = incoming.Applicant,
                Content = request.BusinessContent.OuterXml,
                Files = request.Attachments.Select(a => new DocumentFile(a.ContentId, a.MimeType, a.Content.ToArray())).ToList(),
            }, now, cancellationToken);
            await ControlStore.OpenAsync(transaction, registered.Id, incoming.DueAt, cancellationToken);

            if (incoming.UnknownType)
            {
                Log.UnknownType(logger, request.MessageId, sender?.Mnemonic, type, registered.Number.ToString());
            }
            else
            {
                Log.Registered(logger, request.MessageId, sender?.Mnemonic, type, registered.Number.ToString());
            }
            if (incoming.SenderRegistration is { } senderRegistration)
            {
                await QueueReceiptAsync(request, senderRegistration, registered, transaction, cancellationToken);
            }
        }, cancellationToken);

    public Task HandleResponseAsync(ReceivedResponse response, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async transaction =>
        {
            var answer = new ExchangeAnswer(response.MessageId, response.Metadata.Sender?.Mnemonic,
                response.BusinessContent is { } content ? MessageType.Of(content).ToString() : null, response.BusinessContent?.OuterXml,
                response.Rejections, time.GetUtcNow());
            var (recorded, document) = await ExchangeAnswerStore.RecordAsync(transaction, response.OriginalMessageId, answer, cancellationToken);
            if (!recorded)
            {
                Log.ResponseAlreadyRecorded(logger, response.MessageId);
            }
            else if (document is { } number)
            {
                Log.ResponseLinked(logger, response.MessageId, response.OriginalMessageId, number.ToString());
            }
            else
            {
                Log.ResponseUnmatched(logger, response.MessageId, response.OriginalMessageId);
            }
        }, cancellationToken);

    private async Task QueueReceiptAsync(ReceivedRequest request, (string Number, string Date) senderRegistration, RegisteredDocument registered,
        Npgsql.NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (request.ReplyTo is not { } replyTo)
        {
            Log.NoReplyAddress(logger, request.MessageId, registered.Number.ToString());
            return;
        }
        var receipt = OfficialLetterWriter.Receipt(senderRegistration, registered, options.Value.Zone);
        var receiptId = await outbox.EnqueueResponseAsync(replyTo, receipt, transaction: transaction, cancellationToken: cancellationToken);
        Log.ReceiptQueued(logger, receiptId, request.MessageId, registered.Number.ToString());
    }
}
