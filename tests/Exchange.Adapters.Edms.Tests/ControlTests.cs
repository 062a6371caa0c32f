using Exchange.Adapters.Edms.Domain;
using Exchange.Adapters.Edms.Domain.Business;
using Exchange.Adapters.Edms.Registration;
using Exchange.Adapters.Edms.Storage;

namespace Exchange.Adapters.Edms.Tests;

public sealed class ControlTests(EdmsFixture edms) : IClassFixture<EdmsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Official Head = new("Петров", "Иван", "Сергеевич", "Глава администрации");

    [Fact]
    public async Task overdue_cards_are_those_open_and_past_due_at_the_given_time()
    {
        var registeredAt = edms.Clock.GetUtcNow();
        var waiting = await RegisterAppealAsync("Ждёт ответа.");
        var answered = await RegisterAppealAsync("Получит ответ.");
        var extended = await RegisterAppealAsync("Срок продлён.");
        await edms.Get<ControlStore>().AssignAsync(extended, "Сидорова", registeredAt.AddDays(40), Ct);
        await edms.Get<AppealAnswers>().AnswerAsync(answered, new AppealAnswer("explained", "Разъяснено.", Head, []), Ct);
        var ours = new[] { waiting, answered, extended };

        async Task<RegistrationNumber[]> OverdueAt(DateTimeOffset at) =>
            (await edms.Get<ControlStore>().OverdueAsync(at, 1000, Ct)).Select(c => c.Number).Where(ours.Contains).ToArray();

        Assert.Empty(await OverdueAt(registeredAt.AddDays(30)));
        Assert.Equal([waiting], await OverdueAt(registeredAt.AddDays(30).AddSeconds(1)));
        Assert.Equal([waiting, extended], await OverdueAt(registeredAt.AddDays(41)));
    }

    [Fact]
    public async Task answering_an_appeal_closes_its_card_and_sends_the_answer_to_the_requester()
    {
        var appeal = await RegisterAppealAsync("Прошу открыть поликлинику по субботам.");
        edms.Clock.Advance(TimeSpan.FromDays(3));
        var answeredAt = edms.Clock.GetUtcNow();

        var answer = await edms.Get<AppealAnswers>().AnswerAsync(appeal,
            new AppealAnswer("supported", "Поликлиника будет открыта по субботам.", Head, [new DocumentFile("ответ.pdf", "application/pdf", [1, 2, 3])]), Ct);

        var closed = (await edms.Get<DocumentStore>().GetAsync(appeal, Ct))!;
        Assert.Equal(answeredAt, closed.Control!.ClosedAt);
        Assert.False(closed.Control.IsOverdueAt(answeredAt.AddDays(60)));
        var sent = (await edms.Get<DocumentStore>().GetAsync(answer.Number, Ct))!;
        Assert.Equal((JournalCodes.OutgoingCorrespondence, DocumentKind.Outgoing, closed.Id), (sent.Number.Journal, sent.Kind, sent.Answers));
        Assert.Single(sent.Files);
        var queued = (await edms.OutboxEntryAsync(sent.MessageId!.Value, Ct))!.Value;
        Assert.Equal(("response", "reply-to-portal", 1), (queued.Operation, queued.Recipient, queued.Attachments));
        EdmsFixture.SchemaValid(queued.Content, BusinessTypes.CitizenAppealAnswer);
        Assert.Contains($"<Registration><c:Number>{appeal}</c:Number>", queued.Content);
        Assert.Contains("<Outcome>supported</Outcome>", queued.Content);
    }

    [Fact]
    public async Task an_appeal_is_answered_once()
    {
        var appeal = await RegisterAppealAsync("Вопрос, на который ответят дважды.");
        var answer = new AppealAnswer("explained", "Разъяснено.", Head, []);
        await edms.Get<AppealAnswers>().AnswerAsync(appeal, answer, Ct);

        var refusal = await Assert.ThrowsAsync<EdmsRefusal>(() => edms.Get<AppealAnswers>().AnswerAsync(appeal, answer, Ct));

        Assert.Equal(409, refusal.Status);
        Assert.Single(await edms.OutboxMentioningAsync($"<c:Number>{appeal}</c:Number>", Ct));
    }

    private async Task<RegistrationNumber> RegisterAppealAsync(string text)
    {
        var request = Received.Request(BusinessDocuments.Appeal(text));
        await edms.Handler.HandleRequestAsync(request, Ct);
        return (await edms.DocumentOfAsync(request.MessageId, Ct)).Number;
    }
}
