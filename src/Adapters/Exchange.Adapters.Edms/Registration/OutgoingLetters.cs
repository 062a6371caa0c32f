using Exchange.Adapters.Edms.Domain;
using Exchange.Adapters.Edms.Domain.Business;
using Exchange.Adapters.Edms.Storage;
using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Attachments;
using Exchange.Adapters.Sdk.Hosting;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Edms.Registration;

/// <summary>
/// Registers an outgoing letter in the outgoing journal and queues it in the outbox on the same transaction: the letter
/// is registered and sent, or neither. Its receipt comes back linked by the MessageID it is sent with.
/// </summary>
public sealed class OutgoingLetters(EdmsDatabase database, DocumentStore documents, IExchangeOutbox outbox, TimeProvider time,
    IOptions<EdmsOptions> options, ILogger<OutgoingLetters> logger)
{
    public Task<RegisteredDocument> SendAsync(OutgoingLetter letter, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async transaction =>
        {
            var registered = await documents.RegisterAsync(transaction,
                new NewDocument(DocumentKind.Outgoing, JournalCodes.OutgoingCorrespondence, BusinessTypes.OfficialLetter.ToString(), letter.Subject, letter.Text)
                {
                    Correspondent = letter.To,
                    CorrespondentName = letter.AddresseeName,
                    Files = letter.Files,
                }, time.GetUtcNow(), cancellationToken);
            var content = OfficialLetterWriter.Letter(options.Value.OrganisationName, letter.AddresseeName, registered, letter.Subject, letter.Text,
                letter.AnswerDeadline, letter.Signer, options.Value.Zone);
            var messageId = await outbox.EnqueueRequestAsync(content, new SendOptions(To: letter.To, Attachments: Attachments(letter.Files)),
                transaction, cancellationToken);
            await documents.SetSentAsync(transaction, registered.Id, messageId, content.OuterXml, cancellationToken);
            Log.LetterQueued(logger, registered.Number.ToString(), letter.To, messageId);
            return registered;
        }, cancellationToken);

    /// <summary>Files as attachments of the message, each under a content id the exchange accepts (an XML name).</summary>
    internal static IReadOnlyList<OutgoingAttachment> Attachments(IReadOnlyList<DocumentFile> files) =>
        files.Select((file, i) => new OutgoingAttachment($"file-{i + 1}", file.MimeType, file.Content)).ToList();
}
