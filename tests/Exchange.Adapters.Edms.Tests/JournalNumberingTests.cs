using Exchange.Adapters.Edms.Domain;
using Exchange.Adapters.Edms.Storage;

namespace Exchange.Adapters.Edms.Tests;

public sealed class JournalNumberingTests(EdmsFixture edms) : IClassFixture<EdmsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task fifty_concurrent_registrations_in_one_journal_are_numbered_1_to_50()
    {
        var journal = await edms.NewJournalAsync(Ct);

        var registered = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => Task.Run(() => RegisterAsync(journal, $"Letter {i}"))));

        Assert.Equal(Enumerable.Range(1, 50), registered.Select(r => r.Number.Number).Order());
        Assert.All(registered, r => Assert.Equal(journal, r.Number.Journal));
        Assert.Equal(50, (await edms.Get<JournalStore>().ListAsync(Ct)).Single(j => j.Code == journal).LastNumber);
    }

    [Fact]
    public async Task a_rolled_back_registration_gives_its_number_back()
    {
        var journal = await edms.NewJournalAsync(Ct);
        var first = await RegisterAsync(journal, "first");
        var takenThenRolledBack = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => edms.Database.InTransactionAsync(async transaction =>
        {
            takenThenRolledBack = (await edms.Get<DocumentStore>().RegisterAsync(transaction, Letter(journal, "rolled back"), edms.Clock.GetUtcNow(), Ct))
                .Number.Number;
            throw new InvalidOperationException("The registration fails after its number was taken.");
        }, Ct));
        var next = await RegisterAsync(journal, "next");

        Assert.Equal(2, takenThenRolledBack);
        Assert.Equal([1, 2], new[] { first.Number.Number, next.Number.Number });
        Assert.Null(await edms.Get<DocumentStore>().GetAsync(new RegistrationNumber(journal, 3), Ct));
    }

    [Fact]
    public void a_registration_number_is_written_and_read_as_journal_slash_number()
    {
        Assert.Equal("01-15/123", new RegistrationNumber("01-15", 123).ToString());
        Assert.True(RegistrationNumber.TryParse("01-15/123", out var parsed));
        Assert.Equal(new RegistrationNumber("01-15", 123), parsed);
        Assert.False(RegistrationNumber.TryParse("01-15/", out _));
        Assert.False(RegistrationNumber.TryParse("/5", out _));
        Assert.False(RegistrationNumber.TryParse("01-15/0", out _));
    }

    private Task<RegisteredDocument> RegisterAsync(string journal, string subject) =>
        edms.Database.InTransactionAsync(transaction =>
            edms.Get<DocumentStore>().RegisterAsync(transaction, Letter(journal, subject), edms.Clock.GetUtcNow(), Ct), Ct);

    private static NewDocument Letter(string journal, string subject) =>
        new(DocumentKind.Incoming, journal, "{urn://exchange.region/correspondence/1.0}OfficialLetter", subject, "Text of the letter.");
}
