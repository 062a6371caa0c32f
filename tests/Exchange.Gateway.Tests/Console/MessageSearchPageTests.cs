using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Exchange.Domain.Users;
using Exchange.Gateway.ConsoleSite;
using Exchange.Gateway.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.Console;

/// <summary>
/// The Messages page over HTTP. Tests of a class run one at a time and each first moves the clock an hour on, so the
/// messages it sends have an hour of accepted times of their own; a test searches that hour, never another's rows.
/// </summary>
public sealed partial class MessageSearchPageTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private const string Password = "correct horse battery";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private ConsoleTime Time => gateway.Services.GetRequiredService<ConsoleTime>();

    /// <summary>Moves the clock on to an hour of this test's own; returns that hour as the form's period inputs.</summary>
    private (string From, string To) OwnHour()
    {
        gateway.Clock.Advance(TimeSpan.FromHours(1));
        var start = gateway.Clock.GetUtcNow();
        return (Time.ToInput(start), Time.ToInput(start.AddHours(1)));
    }

    /// <summary>A browser signed in as a new user of its own with <paramref name="role"/>.</summary>
    private async Task<ConsoleBrowser> SignedInAsync(string role = UserRoles.Operator)
    {
        var name = $"search.{Guid.NewGuid():N}";
        await gateway.Services.GetRequiredService<ConsoleUsers>().AddAsync(name, Password, [role], "tester", Token);
        var browser = new ConsoleBrowser(gateway.BaseAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(name, Password)).StatusCode);
        return browser;
    }

    private async Task<Guid> SendAsync(string sender, string text)
    {
        var sent = await gateway.Client(sender).SendRequestAsync(BusinessDocuments.Appeal(text), cancellationToken: Token);
        gateway.Clock.Advance(TimeSpan.FromSeconds(1));
        return sent.MessageId;
    }

    private static async Task<(HttpStatusCode Status, string Page)> OpenAsync(ConsoleBrowser browser, string path)
    {
        using var response = await browser.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Token));
    }

    private static List<Guid> Rows(string page) => [.. Row().Matches(page).Select(m => Guid.Parse(m.Groups[1].Value))];

    private static string? NextPage(string page) => NextLink().Match(page) is { Success: true } link ? WebUtility.HtmlDecode(link.Groups[1].Value) : null;

    [Fact]
    public async Task an_operator_finds_a_message_by_its_message_id_with_a_link_to_its_page()
    {
        OwnHour();
        using var browser = await SignedInAsync();
        var wanted = await SendAsync("PORTAL", "found by id");
        await SendAsync("PORTAL", "not this one");

        var (status, page) = await OpenAsync(browser, $"/console/messages?id={wanted}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([wanted], Rows(page));
        Assert.Contains($"href=\"/console/messages/{wanted}\"", page);
        Assert.Contains("PORTAL", page);
        Assert.Contains("HEALTH", page);
        Assert.Contains("Appeal", page);
        Assert.Contains("class=\"status", page);
        Assert.Contains("запрос", page);
    }

    [Fact]
    public async Task an_operator_finds_the_messages_of_a_sender_in_a_period_and_nothing_outside_it()
    {
        var before = await SendAsync("PORTAL", "before the period");
        var (from, to) = OwnHour();
        using var browser = await SignedInAsync();
        var portal = await SendAsync("PORTAL", "in the period");
        var other = await SendAsync("RSA_BODY", "another sender");

        var (status, page) = await OpenAsync(browser, $"/console/messages?sender=PORTAL&from={from}&to={to}&test=real");
        var (_, everyone) = await OpenAsync(browser, $"/console/messages?from={from}&to={to}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([portal], Rows(page));
        Assert.Equal([other, portal], Rows(everyone));
        Assert.DoesNotContain(before, Rows(everyone));
        Assert.Contains($"value=\"{from}\"", page);
        Assert.Contains("<option value=\"real\" selected=\"selected\">", page);
    }

    [Fact]
    public async Task keyset_paging_walks_two_pages_newest_first_without_repeats_keeping_the_filters()
    {
        var (from, to) = OwnHour();
        using var browser = await SignedInAsync();
        List<Guid> sent = [await SendAsync("PORTAL", "page 1"), await SendAsync("PORTAL", "page 2"), await SendAsync("PORTAL", "page 3")];

        var (firstStatus, first) = await OpenAsync(browser, $"/console/messages?sender=PORTAL&from={from}&to={to}&size=2");
        var next = NextPage(first);
        Assert.NotNull(next);
        Assert.Contains("sender=PORTAL", next);
        Assert.Contains("size=2", next);
        Assert.Contains("after=", next);
        var (secondStatus, second) = await OpenAsync(browser, next);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (firstStatus, secondStatus));
        Assert.Equal([sent[2], sent[1]], Rows(first));
        Assert.Equal([sent[0]], Rows(second));
        Assert.Null(NextPage(second));
    }

    [Fact]
    public async Task a_search_that_finds_nothing_says_so()
    {
        var (from, to) = OwnHour();
        using var browser = await SignedInAsync();

        var (status, page) = await OpenAsync(browser, $"/console/messages?sender=NOBODY&from={from}&to={to}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("class=\"empty\"", page);
        Assert.Empty(Rows(page));
    }

    [Fact]
    public async Task without_filters_the_page_lists_the_last_24_hours_newest_first()
    {
        OwnHour();
        using var browser = await SignedInAsync();
        var newest = await SendAsync("PORTAL", "the newest");

        var (status, page) = await OpenAsync(browser, "/console/messages");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(newest, Rows(page)[0]);
        Assert.Contains("id=\"default-period\"", page);
    }

    [Fact]
    public async Task a_user_without_the_operator_role_gets_403()
    {
        using var browser = await SignedInAsync(UserRoles.Administrator);

        var (status, page) = await OpenAsync(browser, "/console/messages");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain("id=\"search\"", page);
    }

    [Fact]
    public async Task a_visitor_without_a_session_is_sent_to_login()
    {
        using var browser = new ConsoleBrowser(gateway.BaseAddress);

        using var response = await browser.GetAsync("/console/messages?sender=PORTAL");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ConsoleSiteExtensions.LoginPath, response.Headers.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData("from=2020-01-01T00:00&to=2030-01-01T00:00", "Период — не более 366 дней")]
    [InlineData("sender={long}", "Отправитель: не длиннее 256 символов (введено 10000)")]
    [InlineData("namespace={long}", "Пространство имён типа: не длиннее 256 символов (введено 10000)")]
    [InlineData("recipient={cyrillic}", "Получатель: не длиннее 256 символов (введено 10000)")]
    [InlineData("after=not-a-cursor", "Ссылка на страницу выдана не этой консолью")]
    [InlineData("from=yesterday&to=2030-09-02T10:00", "Начало периода — не дата и время")]
    [InlineData("status=lost", "Выберите статус из списка")]
    [InlineData("id=12345", "MessageID должен быть GUID")]
    [InlineData("size=100000", "Строк на странице: число от 1 до 200")]
    [InlineData("from=2030-09-02T10:00", "Укажите и начало, и конец периода")]
    [InlineData("from=0001-01-01T00:00&to=0001-01-02T00:00", "Начало периода — не дата и время")]
    public async Task absurd_input_is_answered_400_at_once_with_the_problem_and_the_input_kept(string query, string problem)
    {
        OwnHour();
        using var browser = await SignedInAsync();
        var path = "/console/messages?" + query.Replace("{long}", new string('x', 10_000), StringComparison.Ordinal)
            .Replace("{cyrillic}", Uri.EscapeDataString(new string('я', 10_000)), StringComparison.Ordinal);

        var watch = Stopwatch.StartNew();
        var (status, page) = await OpenAsync(browser, path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"The refusal took {watch.Elapsed}.");
        var alert = AlertBlock().Match(page);
        Assert.True(alert.Success, "The page shows no alert:\n" + page[..Math.Min(page.Length, 2000)]);
        Assert.Contains(problem, alert.Value);
        Assert.DoesNotContain("id=\"messages\"", page);
        Assert.Contains("id=\"search\"", page);
    }

    [Fact]
    public async Task what_was_typed_comes_back_html_encoded()
    {
        OwnHour();
        using var browser = await SignedInAsync();

        var (status, page) = await OpenAsync(browser, "/console/messages?sender=" + Uri.EscapeDataString("\"><script>x</script>") + "&status=lost");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\"", page);
        Assert.DoesNotContain("<script>x", page);
    }

    [GeneratedRegex("""<tr data-message-id="([0-9a-f-]{36})">""")]
    private static partial Regex Row();

    [GeneratedRegex("""<a id="next-page" href="([^"]+)">""")]
    private static partial Regex NextLink();

    [GeneratedRegex("""<div class="alert" role="alert"[^>]*>.*?</div>""", RegexOptions.Singleline)]
    private static partial Regex AlertBlock();
}
