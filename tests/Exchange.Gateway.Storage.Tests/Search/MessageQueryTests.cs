using Exchange.Domain.Messages.Search;

namespace Exchange.Gateway.Storage.Tests.Search;

public sealed class MessageQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void a_plain_query_has_no_problems_and_starts_at_the_first_page()
    {
        var query = new MessageQuery { Sender = "PORTAL", From = Now.AddDays(-7), To = Now };

        Assert.Empty(query.Problems());
        Assert.Null(query.StartAfter());
    }

    [Fact]
    public void a_cursor_reads_back_as_the_position_it_was_made_from()
    {
        var cursor = new MessageCursor(Now.AddTicks(-1230), Guid.Parse("0d9c1f2e-3b4a-11f0-8000-0242ac120002"));

        Assert.Equal(cursor, new MessageQuery { After = cursor.Encode() }.StartAfter());
    }

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // another version
    [InlineData("Af__________AAAAAAAAAAAAAAAAAAAAAA")] // a time before 1970
    [InlineData("AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // too long
    public void a_forged_cursor_is_refused_with_a_clear_message(string forged)
    {
        var query = new MessageQuery { After = forged };

        var problem = Assert.Single(query.Problems());
        Assert.Contains("cursor", problem, StringComparison.Ordinal);
        var refused = Assert.Throws<InvalidMessageQueryException>(() => query.StartAfter());
        Assert.Contains("start again from the first page", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_ten_year_period_is_refused_and_not_clipped()
    {
        var problem = Assert.Single(new MessageQuery { From = Now.AddYears(-10), To = Now }.Problems());

        Assert.Equal("the period may be at most 366 days, not 3652", problem);
    }

    [Fact]
    public void a_period_needs_both_ends_in_order()
    {
        Assert.Single(new MessageQuery { From = Now }.Problems());
        Assert.Single(new MessageQuery { To = Now }.Problems());
        Assert.Single(new MessageQuery { From = Now, To = Now.AddDays(-1) }.Problems());
        Assert.Empty(new MessageQuery { From = Now.AddDays(-366), To = Now }.Problems());
    }

    [Fact]
    public void a_ten_thousand_character_text_is_refused_in_every_text_field()
    {
        var text = new string('x', 10_000);
        MessageQuery[] queries =
        [
            new() { Sender = text }, new() { Recipient = text }, new() { NamespaceUri = text },
            new() { NamespaceUri = "urn:x", RootElement = text }, new() { Status = text }, new() { After = text },
        ];

        foreach (var query in queries)
        {
            Assert.EndsWith("may be at most 256 characters, not 10000", Assert.Single(query.Problems()), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    [InlineData(-5)]
    public void a_page_size_outside_1_to_200_is_refused(int pageSize) =>
        Assert.Single(new MessageQuery { PageSize = pageSize }.Problems());

    [Fact]
    public void an_unknown_status_and_a_root_element_without_its_namespace_are_refused_together()
    {
        var problems = new MessageQuery { Status = "lost", RootElement = "Appeal" }.Problems();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("the status must be one of accepted, queued", StringComparison.Ordinal));
    }
}
