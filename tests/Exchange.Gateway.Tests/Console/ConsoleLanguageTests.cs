using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Exchange.Tests.Shared;

namespace Exchange.Gateway.Tests.Console;

/// <summary>
/// The console speaks Russian unless a user asks for English, every text it shows has its Russian in a resource file,
/// and its stylesheet comes from the gateway itself.
/// </summary>
public sealed partial class ConsoleLanguageTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly string GatewaySource = Path.Combine(RepositoryRoot.Path, "src", "Gateway", "Exchange.Gateway");

    [Fact]
    public async Task the_console_speaks_russian_by_default_whatever_the_browser_asks_and_english_after_the_switch()
    {
        using var browser = new ConsoleBrowser(gateway.BaseAddress);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/login");
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        using var russian = await browser.SendAsync(request);
        var russianPage = await russian.Content.ReadAsStringAsync(Token);
        Assert.Contains("<html lang=\"ru\">", russianPage);
        Assert.Contains("Вход в консоль Exchange", russianPage);

        using var switched = await browser.PostAsync("/console/culture", new()
        {
            ["culture"] = "en",
            ["returnUrl"] = "/console/login?returnUrl=%2Fconsole",
            ["__RequestVerificationToken"] = ConsoleBrowser.FormTokenIn(russianPage),
        });
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/console/login?returnUrl=%2Fconsole", switched.Headers.Location?.OriginalString);

        using var english = await browser.GetAsync("/console/login");
        var englishPage = await english.Content.ReadAsStringAsync(Token);
        Assert.Contains("<html lang=\"en\">", englishPage);
        Assert.Contains("Sign in to the Exchange console", englishPage);
    }

    [Fact]
    public async Task a_language_the_console_does_not_have_or_a_switch_without_its_form_token_is_refused()
    {
        using var browser = new ConsoleBrowser(gateway.BaseAddress);
        var token = await browser.FormTokenAsync("/console/login");

        using var unknown = await browser.PostAsync("/console/culture", new() { ["culture"] = "de", ["__RequestVerificationToken"] = token });
        using var forged = await browser.PostAsync("/console/culture", new() { ["culture"] = "en", ["__RequestVerificationToken"] = "forged" });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), c => c.Name == "exchange.culture");
    }

    [Fact]
    public async Task the_stylesheet_is_served_by_the_gateway_and_every_page_links_it_from_there()
    {
        using var browser = new ConsoleBrowser(gateway.BaseAddress);

        using var page = await browser.GetAsync("/console/login");
        using var stylesheet = await browser.GetAsync("/console/assets/console.css");

        Assert.Contains("<link rel=\"stylesheet\" href=\"/console/assets/console.css\">", await page.Content.ReadAsStringAsync(Token));
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.Equal("text/css", stylesheet.Content.Headers.ContentType?.MediaType);
        Assert.Contains("font-family", await stylesheet.Content.ReadAsStringAsync(Token));
    }

    /// <summary>
    /// Reads the console's views and page models: every literal a localizer is asked for (<c>L["..."]</c>,
    /// <c>Texts["..."]</c>) must be a key of that localizer's Russian resource file, or the page would show English.
    /// </summary>
    [Fact]
    public void every_text_a_console_page_shows_has_a_russian_translation()
    {
        var missing = new List<string>();
        var checkedTexts = 0;
        var sources = System.IO.Directory.EnumerateFiles(Path.Combine(GatewaySource, "Pages"), "*", SearchOption.AllDirectories)
            .Concat(System.IO.Directory.EnumerateFiles(Path.Combine(GatewaySource, "ConsoleSite"), "*.cs", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal));
        foreach (var file in sources)
        {
            var source = File.ReadAllText(file);
            var localizers = LocalizerDeclaration().Matches(source).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["type"].Value);
            if (file.EndsWith(".cshtml", StringComparison.Ordinal))
            {
                localizers.TryAdd("Texts", "ConsoleTexts");
            }
            foreach (var (name, type) in localizers)
            {
                var translated = RussianKeys(type);
                foreach (Match use in new Regex($@"\b{name}\[""([^""]+)""").Matches(source))
                {
                    checkedTexts++;
                    if (!translated.Contains(use.Groups[1].Value))
                    {
                        missing.Add($"{Path.GetFileName(file)}: {type} \"{use.Groups[1].Value}\"");
                    }
                }
            }
        }

        Assert.True(checkedTexts > 20, $"Only {checkedTexts} texts found: the scan no longer sees the pages' localizers.");
        Assert.True(missing.Count == 0, "Texts without Russian:\n" + string.Join("\n", missing));
    }

    /// <summary>Resource names ignore case: of two keys differing only in case the build keeps one and drops the other's Russian.</summary>
    [Fact]
    public void no_resource_file_holds_two_texts_differing_only_in_case()
    {
        var files = System.IO.Directory.EnumerateFiles(Path.Combine(GatewaySource, "Resources"), "*.resx", SearchOption.AllDirectories).ToList();

        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            var clashes = XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
                .GroupBy(name => name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g));
            Assert.True(!clashes.Any(), $"{Path.GetFileName(file)}: {string.Join(", ", clashes)}");
        });
    }

    /// <summary>Statuses and message kinds are shown by their stored word, looked up at run time: the scan above cannot see them.</summary>
    [Fact]
    public void every_status_and_message_kind_has_a_russian_name()
    {
        var translated = RussianKeys("ConsoleTexts");

        Assert.All(Exchange.Domain.Messages.MessageStatus.All, status => Assert.Contains(status, translated));
        Assert.All(Enum.GetValues<Exchange.Protocol.Messages.MessageKind>(),
            kind => Assert.Contains(Exchange.Domain.Directory.DirectoryNames.Of(kind), translated));
    }

    /// <summary>
    /// Roles, and the reasons the gateway writes into a message's history itself, are looked up by their English words
    /// at run time: the scan above cannot see them.
    /// </summary>
    [Fact]
    public void every_role_and_every_reason_the_gateway_writes_itself_has_a_russian_text()
    {
        var translated = RussianKeys("ConsoleTexts");

        Assert.All(Exchange.Domain.Users.UserRoles.All, role => Assert.Contains(role, translated));
        Assert.All([Delivery.InboxWriter.UndeliverableReason, Exchange.Domain.Delivery.LeaseRedelivery.Redelivered.Format,
            Exchange.Domain.Delivery.EndOfLife.Expired.Format, Exchange.Domain.Routing.RequestRouter.NamedRecipient.Format,
            Exchange.Domain.Routing.RequestRouter.TerritoryProvider.Format], reason => Assert.Contains(reason, translated));
    }

    private static HashSet<string> RussianKeys(string type)
    {
        var file = System.IO.Directory.EnumerateFiles(Path.Combine(GatewaySource, "Resources"), type + ".ru.resx", SearchOption.AllDirectories)
            .SingleOrDefault();
        return file is null
            ? []
            : XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
    }

    [GeneratedRegex(@"IStringLocalizer<(?<type>\w+)>\s+(?<name>\w+)")]
    private static partial Regex LocalizerDeclaration();
}
