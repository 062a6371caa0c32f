using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Exchange.Domain.Users;
using Exchange.Gateway.ConsoleSite;
using Exchange.Gateway.Tests.Directory;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.Console;

/// <summary>The audit page searched over HTTP, as its GET form sends it.</summary>
public sealed partial class AuditPageTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_directory_change_is_found_by_its_actor_with_the_entry_it_changed()
    {
        // The admin token's holder in the fixture is "tester".
        await new DirectoryAdmin(gateway, gateway.Admin()).AddParticipantAsync("AUDITED_BODY", "institution");
        using var browser = await SignedInBrowser.OpenAsync(gateway, "audit.search", UserRoles.Operator);

        using var response = await browser.GetAsync("/console/audit?actor=tester&kind=directory_change");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains("""<tr data-kind="directory_change" data-actor="tester">""", page);
        Assert.Contains("<code>participant</code> <span class=\"id\">AUDITED_BODY</span>", page);
        Assert.Contains("изменение справочника", page);
        Assert.DoesNotContain("data-actor=\"someone.else\"", page);

        using var nobody = await browser.GetAsync("/console/audit?actor=someone.else");
        Assert.Contains("id=\"no-entries\"", await nobody.Content.ReadAsStringAsync(Token));
    }

    public static TheoryData<string, string> AbsurdSearches => new()
    {
        { "?from=yesterday", "Граница периода — не дата и время" },
        { "?from=2020-01-01T00:00&to=2030-01-01T00:00", "Период — не длиннее 366 дней" },
        { "?from=2030-09-02T10:00&to=2030-09-01T10:00", "Период должен заканчиваться позже, чем начинается" },
        { "?actor=" + new string('x', 5000), "не длиннее 256 символов" },
        { "?message=not-a-message-id", "MessageID — не UUID" },
        { "?kind=everything", "Такого вида записей нет" },
        { "?after=1-9-1", "начните с первой страницы" },
    };

    [Theory]
    [MemberData(nameof(AbsurdSearches))]
    public async Task an_absurd_search_is_answered_400_at_once_with_what_to_change(string query, string reason)
    {
        using var browser = await SignedInBrowser.OpenAsync(gateway, "audit.absurd", UserRoles.Operator);
        var watch = Stopwatch.StartNew();

        using var response = await browser.GetAsync("/console/audit" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"The refusal took {watch.Elapsed}.");
    }

    [Fact]
    public async Task a_ten_thousand_character_search_is_refused_before_the_page_runs()
    {
        using var browser = await SignedInBrowser.OpenAsync(gateway, "audit.huge", UserRoles.Operator);

        using var response = await browser.GetAsync("/console/audit?actor=" + new string('x', 10_000));

        // Kestrel refuses a request line past its 8 KB limit itself (414); a shorter absurd text gets the page's 400.
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"Answered {response.StatusCode}.");
    }

    [Fact]
    public async Task a_period_given_to_the_second_pages_through_every_entry_of_it_and_none_outside()
    {
        var actor = $"audit.seconds.{Guid.NewGuid():N}";
        var time = gateway.Services.GetRequiredService<ConsoleTime>();
        DateTimeOffset Local(string text) => time.TryParseInput(text, out var at) && at is { } value ? value : throw new FormatException(text);
        // More than a page in the period's last minute, one entry in its first minute, one just before it starts.
        var lastMinute = Enumerable.Range(0, 52).Select(i => Local("2030-08-01T10:05:29").AddMilliseconds(-500 * i));
        DateTimeOffset[] inPeriod = [.. lastMinute, Local("2030-08-01T10:00:40")];
        await AddConsoleAuditAsync(actor, [.. inPeriod, Local("2030-08-01T10:00:10")]);
        using var browser = await SignedInBrowser.OpenAsync(gateway, "audit.seconds", UserRoles.Operator);

        using var first = await browser.GetAsync($"/console/audit?actor={actor}&from=2030-08-01T10:00:30&to=2030-08-01T10:05:30");
        var firstPage = await first.Content.ReadAsStringAsync(Token);
        var next = System.Net.WebUtility.HtmlDecode(NextPageLink().Match(firstPage).Groups[1].Value);
        using var second = await browser.GetAsync(next);
        var secondPage = await second.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var row = $"<tr data-kind=\"content_opened\" data-actor=\"{actor}\">";
        Assert.Equal(50, Regex.Count(firstPage, Regex.Escape(row)));
        Assert.Equal(inPeriod.Length - 50, Regex.Count(secondPage, Regex.Escape(row)));
        Assert.DoesNotContain("id=\"next-page\"", secondPage);
        Assert.Contains("from=2030-08-01T10%3A00%3A30", next);
        Assert.Contains("to=2030-08-01T10%3A05%3A30", next);
    }

    private async Task AddConsoleAuditAsync(string actor, DateTimeOffset[] times)
    {
        await using var connection = new Npgsql.NpgsqlConnection(gateway.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new Npgsql.NpgsqlCommand(
            "INSERT INTO console_audit (at, actor, action, reason) SELECT unnest($1::timestamptz[]), $2, 'content_opened', 'audited to the second'",
            connection);
        // Npgsql writes timestamptz from UTC offsets only.
        command.Parameters.AddWithValue(times.Select(t => t.ToUniversalTime()).ToArray());
        command.Parameters.AddWithValue(actor);
        await command.ExecuteNonQueryAsync(Token);
    }

    [GeneratedRegex("""<a id="next-page" href="([^"]+)">""")]
    private static partial Regex NextPageLink();
}
