using Exchange.Adapters.Edms.Domain;
using Exchange.Adapters.Edms.Domain.Business;
using Exchange.Adapters.Edms.Storage;
using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Hosting;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Edms.Registration;

/// <summary>
/// Answers a citizen's appeal in one transaction: closes its control card, registers the answer in the outgoing
/// journal and queues it to the requester through the outbox. An appeal is answered once.
/// </summary>
public sealed class AppealAnswers(EdmsDatabase database, DocumentStore documents, IExchangeOutbox outbox, TimeProvider time,
    IOptions<EdmsOptions> options, ILogger<AppealAnswers> logger)
{
    public async Task<RegisteredDocument> AnswerAsync(RegistrationNumber number, AppealAnswer answer, CancellationToken cancellationToken)
    {
        var appeal = await documents.GetAsync(number, cancellationToken) ?? throw EdmsRefusal.NotFound($"document {number}");
        if (appeal.Kind != DocumentKind.Appeal)
        {
            throw EdmsRefusal.Conflict($"{number} is not a citizen's appeal.");
        }
        if (appeal.ReplyTo is not { } replyTo)
        {
            throw EdmsRefusal.Conflict($"{number} came without a reply address: its answer cannot go back through the exchange.");
        }
        return await database.InTransactionAsync(async transaction =>
        {
            var now = time.GetUtcNow();
            if (!await ControlStore.CloseAsync(transaction, appeal.Id, now, cancellationToken))
            {
                throw EdmsRefusal.Conflict($"{number} is answered already.");
            }
            var registered = await documents.RegisterAsync(transaction,
                new NewDocument(DocumentKind.Outgoing, JournalCodes.OutgoingCorrespondence, BusinessTypes.CitizenAppealAnswer.ToString(),
                    $"Answer to {number}", answer.Text)
                {
                    Correspondent = appeal.Correspondent,
                    CorrespondentName = appeal.CorrespondentName,
                    Applicant = appeal.Applicant,
                    Answers = appeal.Id,
                    Files = answer.Files,
                }, now, cancellationToken);
            var content = AppealAnswerWriter.Answer(appeal, answer.Outcome, answer.Text, answer.AnsweredBy, now, options.Value.Zone);
            var messageId = await outbox.EnqueueResponseAsync(replyTo, content,
                new ResponseOptions(Attachments: OutgoingLetters.Attachments(answer.Files)), transaction, cancellationToken);
            await documents.SetSentAsync(transaction, registered.Id, messageId, content.OuterXml, cancellationToken);
            Log.AppealAnswered(logger, number.ToString(), registered.Number.ToString(), replyTo, messageId);
            return registered;
        }, cancellationToken);
    }
}
