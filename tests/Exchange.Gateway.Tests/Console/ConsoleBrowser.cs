using System.Net;
using System.Text.RegularExpressions;

namespace Exchange.Gateway.Tests.Console;

/// <summary>
/// The console as a browser sees it over HTTP: cookies kept, redirects not followed (tests look at them), forms posted
/// with the antiforgery token of the page they came in.
/// </summary>
public sealed partial class ConsoleBrowser : IDisposable
{
    private readonly HttpClient _http;

    public ConsoleBrowser(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public CookieContainer Cookies { get; }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path, Token);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request, Token);

    /// <summary>Opens the login page and posts its form; the answer is the redirect into the console, or the page again.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string user, string password)
    {
        var form = await FormTokenAsync("/console/login");
        return await PostAsync("/console/login", new() { ["username"] = user, ["password"] = password, ["__RequestVerificationToken"] = form });
    }

    /// <summary>Posts the logout form of the console's landing page.</summary>
    public async Task<HttpResponseMessage> SignOutAsync() =>
        await PostAsync("/console/logout", new() { ["__RequestVerificationToken"] = await FormTokenAsync("/console") });

    public Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields) =>
        _http.PostAsync(path, new FormUrlEncodedContent(fields), Token);

    /// <summary>The antiforgery token in the form of the page at <paramref name="path"/> (its cookie comes along).</summary>
    public async Task<string> FormTokenAsync(string path)
    {
        using var page = await GetAsync(path);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{path} answered {page.StatusCode} {page.Headers.Location}");
        return FormTokenIn(await page.Content.ReadAsStringAsync(Token));
    }

    /// <summary>The antiforgery token in the form of <paramref name="page"/>.</summary>
    public static string FormTokenIn(string page)
    {
        var match = AntiforgeryField().Match(page);
        Assert.True(match.Success, "The page has no antiforgery token in its form.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)""")]
    private static partial Regex AntiforgeryField();

    public void Dispose() => _http.Dispose();
}
