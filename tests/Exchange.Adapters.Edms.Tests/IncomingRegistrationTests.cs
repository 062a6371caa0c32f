using Exchange.Adapters.Edms.Domain;
using Exchange.Adapters.Edms.Domain.Business;
using Exchange.Adapters.Edms.Messaging;
using Exchange.Adapters.Edms.Registration;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Adapters.Edms.Tests;

public sealed class IncomingRegistrationTests(EdmsFixture edms) : IClassFixture<EdmsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task an_appeal_is_registered_in_the_appeals_journal_due_30_days_after_registration()
    {
        var registeredAt = edms.Clock.GetUtcNow();
        var request = Received.Request(BusinessDocuments.Appeal("Прошу отремонтировать дорогу в посёлке Сосново."));

        await edms.Handler.HandleRequestAsync(request, Ct);

        var appeal = await edms.DocumentOfAsync(request.MessageId, Ct);
        Assert.Equal(JournalCodes.CitizensAppeals, appeal.Number.Journal);
        Assert.Equal(DocumentKind.Appeal, appeal.Kind);
        Assert.Equal("Иванова Мария", appeal.Applicant);
        Assert.Equal("PORTAL", appeal.Correspondent);
        Assert.Equal("reply-to-portal", appeal.ReplyTo);
        Assert.Equal("unsigned", appeal.Authorship);
        Assert.Equal(registeredAt, appeal.RegisteredAt);
        Assert.Equal(registeredAt.AddDays(30), appeal.Control!.DueAt);
        Assert.Null(appeal.Control.ClosedAt);
    }

    [Fact]
    public async Task a_message_delivered_twice_is_registered_once()
    {
        var request = Received.Request(BusinessDocuments.Letter("Дважды доставленное письмо", "Текст письма."));

        // Twice at once (two hosts' leases crossing), then once more after (a crash between commit and acknowledgement).
        await Task.WhenAll(edms.Handler.HandleRequestAsync(request, Ct), edms.Handler.HandleRequestAsync(request, Ct));
        await edms.Handler.HandleRequestAsync(request, Ct);

        var letter = await edms.DocumentOfAsync(request.MessageId, Ct);
        Assert.Equal(1, await edms.CountAsync("documents", "message_id", request.MessageId, Ct));
        Assert.Single(await edms.OutboxMentioningAsync($">{letter.Number}<", Ct));
    }

    [Fact]
    public async Task an_official_letter_is_answered_with_a_receipt_carrying_its_registration_number()
    {
        var request = Received.Request(BusinessDocuments.Letter("О подключении архива", "Просим подключить архив.", "01-15/2874", "2026-12-25"),
            sender: "VYBORG_DISTRICT", replyTo: "reply-to-vyborg");

        await edms.Handler.HandleRequestAsync(request, Ct);

        var letter = await edms.DocumentOfAsync(request.MessageId, Ct);
        Assert.Equal(JournalCodes.IncomingCorrespondence, letter.Number.Journal);
        Assert.Equal("Администрация Выборгского района", letter.CorrespondentName);
        // The deadline is a date in Moscow: the answer is late from midnight after it.
        Assert.Equal(new DateTimeOffset(2026, 12, 26, 0, 0, 0, TimeSpan.FromHours(3)), letter.Control!.DueAt);
        var receipt = Assert.Single(await edms.OutboxMentioningAsync($">{letter.Number}<", Ct));
        Assert.Equal(("response", "reply-to-vyborg"), (receipt.Operation, receipt.Recipient));
        EdmsFixture.SchemaValid(receipt.Content, BusinessTypes.OfficialLetterReceipt);
        Assert.Contains("<c:Number>01-15/2874</c:Number>", receipt.Content);
        Assert.Contains($"<IncomingRegistration><c:Number>{letter.Number}</c:Number><c:Date>2026-11-10</c:Date>", receipt.Content);
    }

    [Fact]
    public async Task a_letter_whose_registration_fails_after_its_receipt_was_queued_leaves_neither_and_comes_again()
    {
        var request = Received.Request(BusinessDocuments.Letter("Письмо, упавшее до коммита", "Текст."), sender: "LUGA_DISTRICT");
        var failing = ActivatorUtilities.CreateInstance<EdmsMessageHandler>(edms.Services, new FailingAfterEnqueueOutbox());
        var journal = await LastNumberAsync(JournalCodes.IncomingCorrespondence);

        await Assert.ThrowsAsync<IOException>(() => failing.HandleRequestAsync(request, Ct));

        Assert.Equal(0, await edms.CountAsync("documents", "message_id", request.MessageId, Ct));
        Assert.Empty(await edms.OutboxMentioningAsync("Письмо, упавшее до коммита", Ct));
        Assert.Empty(await edms.OutboxMentioningAsync($">{JournalCodes.IncomingCorrespondence}/{journal + 1}<", Ct));

        // Not acknowledged, the message comes again: registered now, under the number the failed attempt gave back.
        await edms.Handler.HandleRequestAsync(request, Ct);
        var letter = await edms.DocumentOfAsync(request.MessageId, Ct);
        Assert.Equal(journal + 1, letter.Number.Number);
        Assert.Single(await edms.OutboxMentioningAsync($">{letter.Number}<", Ct));
    }

    [Fact]
    public async Task a_land_plot_application_is_registered_in_the_applications_journal_with_its_20_day_deadline()
    {
        var request = Received.Request(BusinessDocuments.LandPlot("Волков"));

        await edms.Handler.HandleRequestAsync(request, Ct);

        var application = await edms.DocumentOfAsync(request.MessageId, Ct);
        Assert.Equal((JournalCodes.Applications, DocumentKind.Application), (application.Number.Journal, application.Kind));
        Assert.Equal("Волков Дмитрий", application.Applicant);
        Assert.Equal(application.RegisteredAt.AddDays(20), application.Control!.DueAt);
    }

    [Fact]
    public async Task a_request_of_an_unknown_type_is_registered_as_incoming_correspondence_and_flagged()
    {
        var request = Received.Request(BusinessDocuments.Unknown("Ладожское озеро"), sender: "SOMEONE");

        await edms.Handler.HandleRequestAsync(request, Ct);

        var document = await edms.DocumentOfAsync(request.MessageId, Ct);
        Assert.Equal((JournalCodes.IncomingCorrespondence, DocumentKind.Incoming, true), (document.Number.Journal, document.Kind, document.UnknownType));
        Assert.Equal("{urn://elsewhere/fishing/1.0}FishingPermit", document.BusinessType);
        Assert.Contains("Ладожское озеро", document.Body);
    }

    [Fact]
    public async Task the_files_of_a_request_are_stored_with_the_document_and_their_sha256()
    {
        var request = Received.Request(BusinessDocuments.Appeal("Жалоба с приложением."), attachments: Received.File("photo", "снимок ямы"));

        await edms.Handler.HandleRequestAsync(request, Ct);

        var appeal = await edms.DocumentOfAsync(request.MessageId, Ct);
        var file = Assert.Single(appeal.Files);
        var bytes = System.Text.Encoding.UTF8.GetBytes("снимок ямы");
        Assert.Equal(("photo", "text/plain", bytes.Length), (file.Name, file.MimeType, (int)file.Size));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), file.Sha256);
        var (_, content) = (await edms.Get<Storage.DocumentStore>().FileAsync(appeal.Number, file.Id, Ct))!.Value;
        Assert.Equal(bytes, content);
    }

    [Fact]
    public async Task a_receipt_is_linked_to_the_letter_sent_with_its_message_id_once()
    {
        var sent = await edms.Get<OutgoingLetters>().SendAsync(new OutgoingLetter("LO_KIT", "Комитет по телекоммуникациям",
            "О подключении архива", "Просим подключить архив.", null, new Official("Соколов", "Андрей", null, "Глава администрации"), []), Ct);
        var letter = (await edms.Get<Storage.DocumentStore>().GetAsync(sent.Number, Ct))!;
        var receipt = Received.Response(letter.MessageId!.Value, BusinessDocuments.Receipt("01-15/77"));

        await edms.Handler.HandleResponseAsync(receipt, Ct);
        await edms.Handler.HandleResponseAsync(receipt, Ct);

        var linked = Assert.Single((await edms.Get<Storage.DocumentStore>().GetAsync(sent.Number, Ct))!.ExchangeAnswers);
        Assert.Equal((receipt.MessageId, "LO_KIT"), (linked.MessageId, linked.Sender));
        Assert.Equal("{urn://exchange.region/correspondence/1.0}OfficialLetterReceipt", linked.BusinessType);
        Assert.Contains("01-15/77", linked.Content);
    }

    [Fact]
    public async Task a_rejection_of_nothing_sent_from_here_is_kept_unlinked_and_not_refused()
    {
        var rejection = Received.Response(Guid.NewGuid(), null, "LO_KIT", "NO_DATA");

        await edms.Handler.HandleResponseAsync(rejection, Ct);

        Assert.Equal(1, await edms.CountAsync("exchange_responses", "message_id", rejection.MessageId, Ct));
    }

    private async Task<int> LastNumberAsync(string journal) =>
        (await edms.Get<Storage.JournalStore>().ListAsync(Ct)).Single(j => j.Code == journal).LastNumber;
}
