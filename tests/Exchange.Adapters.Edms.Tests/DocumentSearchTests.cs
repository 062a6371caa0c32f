using Exchange.Adapters.Edms.Domain;
using Exchange.Adapters.Edms.Storage;

namespace Exchange.Adapters.Edms.Tests;

public sealed class DocumentSearchTests(EdmsFixture edms) : IClassFixture<EdmsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_document_is_found_by_its_registration_number()
    {
        var number = await RegisterAsync("Поиск по номеру.");

        var found = await FindAsync(new DocumentQuery(Number: number));

        Assert.Equal([number], found);
    }

    [Fact]
    public async Task documents_are_found_by_sender_mnemonic_or_part_of_its_name()
    {
        var fromVyborg = await RegisterLetterAsync("VYBORG_DISTRICT");
        var fromLuga = await RegisterLetterAsync("LUGA_DISTRICT");

        var byMnemonic = await FindAsync(new DocumentQuery(Sender: "VYBORG_DISTRICT", Limit: 500));
        var byName = await FindAsync(new DocumentQuery(Sender: "выборгского", Limit: 500));

        Assert.Contains(fromVyborg, byMnemonic);
        Assert.DoesNotContain(fromLuga, byMnemonic);
        Assert.Contains(fromVyborg, byName);
        Assert.Contains(fromLuga, byName); // the test letters all name Vyborgsky district's administration as their sender
    }

    [Fact]
    public async Task documents_are_found_by_registration_time_from_inclusive_to_exclusive()
    {
        var first = await RegisterAsync("Первое.");
        edms.Clock.Advance(TimeSpan.FromHours(1));
        var from = edms.Clock.GetUtcNow();
        var second = await RegisterAsync("Второе.");
        edms.Clock.Advance(TimeSpan.FromHours(1));
        var to = edms.Clock.GetUtcNow();
        var third = await RegisterAsync("Третье.");

        var found = await FindAsync(new DocumentQuery(From: from, To: to, Limit: 500));

        Assert.Contains(second, found);
        Assert.DoesNotContain(first, found);
        Assert.DoesNotContain(third, found);
    }

    [Fact]
    public async Task documents_are_found_by_russian_words_in_any_form_and_by_names_as_written()
    {
        var clinic = await RegisterAsync("Прошу восстановить работу поликлиники по субботам.", surname: "Кузнецова");
        var road = await RegisterAsync("Прошу отремонтировать дорогу к школе.", surname: "Смирнова");

        var byWordForm = await FindAsync(new DocumentQuery(Text: "поликлиника суббота", Limit: 500));
        var byApplicant = await FindAsync(new DocumentQuery(Text: "Кузнецова", Limit: 500));

        Assert.Contains(clinic, byWordForm);
        Assert.DoesNotContain(road, byWordForm);
        Assert.Contains(clinic, byApplicant);
        Assert.DoesNotContain(road, byApplicant);
    }

    private async Task<RegistrationNumber[]> FindAsync(DocumentQuery query) =>
        (await edms.Get<DocumentSearch>().FindAsync(query, Ct)).Select(d => d.Number).ToArray();

    private async Task<RegistrationNumber> RegisterAsync(string text, string surname = "Иванова")
    {
        var request = Received.Request(BusinessDocuments.Appeal(text, surname));
        await edms.Handler.HandleRequestAsync(request, Ct);
        return (await edms.DocumentOfAsync(request.MessageId, Ct)).Number;
    }

    private async Task<RegistrationNumber> RegisterLetterAsync(string sender)
    {
        var request = Received.Request(BusinessDocuments.Letter("Письмо", "Текст."), sender: sender);
        await edms.Handler.HandleRequestAsync(request, Ct);
        return (await edms.DocumentOfAsync(request.MessageId, Ct)).Number;
    }
}
