using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Exchange.Cli;

/// <summary>
/// The gateway's admin API as the CLI's commands call it: the gateway is --url (or EXCHANGE_URL), the admin token
/// --token (or EXCHANGE_ADMIN_TOKEN); a refusal is a <see cref="CommandFailedException"/> with the gateway's answer.
/// </summary>
internal static class AdminApiClient
{
    // Relaxed escaping: this is read by people in a terminal or a code review, not embedded in HTML.
    public static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A client whose relative paths are under <c>/api/admin/</c>.</summary>
    public static HttpClient Create(Arguments args, HttpMessageHandler? handler)
    {
        var url = args.Optional("url") ?? Environment.GetEnvironmentVariable("EXCHANGE_URL")
            ?? throw new UsageException("Say which gateway: --url http://host:port (or EXCHANGE_URL).");
        var token = args.Optional("token") ?? Environment.GetEnvironmentVariable("EXCHANGE_ADMIN_TOKEN")
            ?? throw new UsageException("An admin token is needed: --token TOKEN (or EXCHANGE_ADMIN_TOKEN).");
        var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = new Uri(new Uri(url), "/api/admin/");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static Task<JsonNode> GetAsync(HttpClient http, string path) => RequestAsync(http, HttpMethod.Get, path, null);

    public static async Task<JsonNode> RequestAsync(HttpClient http, HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonNode.Parse(text)! : throw Refused(response, text);
    }

    private static CommandFailedException Refused(HttpResponseMessage response, string body) =>
        new($"The gateway refused: {(int)response.StatusCode} {response.ReasonPhrase}\n{body}");
}
