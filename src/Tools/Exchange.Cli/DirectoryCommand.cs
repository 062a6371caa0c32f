using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Exchange.Cli;

/// <summary>
/// <c>exchange directory ...</c>: the gateway's admin API from the command line. The gateway is --url (or
/// EXCHANGE_URL), the token --token (or EXCHANGE_ADMIN_TOKEN). A directory file is the admin API's export; on
/// import, certificates given as a <c>file</c> path (relative to the directory file) are sent inline as PEM.
/// </summary>
internal static class DirectoryCommand
{
    public const string Usage = """
        exchange directory export  [--out FILE]                       the whole directory as JSON
        exchange directory import  FILE                               make the directory what FILE says (prints the changes)
        exchange directory list    participants|systems|types|providers|permissions
        exchange directory retire  participant|system|certificate KEY
        exchange directory audit   [--entity E] [--key K] [--limit N]
        exchange directory token   issue SYSTEM [--label L]           an API token for the participant API (printed this once)
        exchange directory token   list SYSTEM | retire ID
          every command: [--url http://gateway:8080] [--token TOKEN]   (or EXCHANGE_URL, EXCHANGE_ADMIN_TOKEN)
        """;

    // Relaxed escaping: this is read by people in a terminal or a code review, not embedded in HTML.
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(Arguments args, TextWriter output, HttpMessageHandler? handler = null)
    {
        using var http = Client(args, handler);
        switch (args.Positional)
        {
            case ["directory", "export"]:
                var exported = await GetAsync(http, "directory");
                if (args.Optional("out") is { } outFile)
                {
                    await File.WriteAllTextAsync(outFile, exported.ToJsonString(Indented));
                    output.WriteLine($"wrote {outFile}");
                }
                else
                {
                    output.WriteLine(exported.ToJsonString(Indented));
                }
                return 0;
            case ["directory", "import", var file]:
                return await ChangeAsync(http, HttpMethod.Put, "directory", WithInlineCertificates(file), output);
            case ["directory", "list", var what] when what is "participants" or "systems" or "types" or "providers" or "permissions":
                var directory = await GetAsync(http, "directory");
                var list = what == "systems"
                    ? new JsonArray([.. directory["participants"]!.AsArray().SelectMany(p => p!["systems"]!.AsArray()).Select(s => s!.DeepClone())])
                    : directory[what]!;
                output.WriteLine(list.ToJsonString(Indented));
                return 0;
            case ["directory", "retire", var kind, var key] when kind is "participant" or "system" or "certificate":
                return await ChangeAsync(http, HttpMethod.Delete, $"{kind}s/{Uri.EscapeDataString(key)}", null, output);
            case ["directory", "audit"]:
                var query = $"audit?limit={args.Number("limit", 50)}"
                    + (args.Optional("entity") is { } entity ? $"&entity={Uri.EscapeDataString(entity)}" : "")
                    + (args.Optional("key") is { } auditKey ? $"&key={Uri.EscapeDataString(auditKey)}" : "");
                output.WriteLine((await GetAsync(http, query)).ToJsonString(Indented));
                return 0;
            case ["directory", "token", "issue", var system]:
                var issued = await RequestAsync(http, HttpMethod.Post, $"systems/{Uri.EscapeDataString(system)}/api-tokens",
                    new JsonObject { ["label"] = args.Optional("label") });
                output.WriteLine(issued.ToJsonString(Indented));
                output.WriteLine("Keep the token now: the gateway keeps only its hash and cannot show it again.");
                return 0;
            case ["directory", "token", "list", var system]:
                output.WriteLine((await GetAsync(http, $"systems/{Uri.EscapeDataString(system)}/api-tokens")).ToJsonString(Indented));
                return 0;
            case ["directory", "token", "retire", var id] when long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _):
                var retired = await RequestAsync(http, HttpMethod.Delete, $"api-tokens/{id}", null);
                output.WriteLine($"retired API token {retired["id"]} of {retired["system"]}");
                return 0;
            default:
                throw new UsageException(Usage);
        }
    }

    private static HttpClient Client(Arguments args, HttpMessageHandler? handler)
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

    /// <summary>
    /// The directory file with every certificate <c>file</c> replaced by its PEM, so the gateway needs no access to the
    /// files. A file that is no certificate, or (unless the entry is retired) whose key the gateway could not use, is
    /// refused here, naming the file; the gateway would refuse it too.
    /// </summary>
    internal static JsonNode WithInlineCertificates(string path)
    {
        var directory = JsonNode.Parse(File.ReadAllText(path)) ?? throw new UsageException($"{path} is empty.");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var certificates = directory["participants"]?.AsArray()
            .SelectMany(p => p?["systems"]?.AsArray() ?? [])
            .SelectMany(s => s?["certificates"]?.AsArray() ?? [])
            .OfType<JsonObject>() ?? [];
        foreach (var certificate in certificates.Where(c => c["file"] is not null))
        {
            var file = Path.Combine(folder, (string)certificate["file"]!);
            certificate.Remove("file");
            certificate["pem"] = PemEncoding.WriteString("CERTIFICATE", CertificateFiles.Read(file, mustBeUsable: certificate["retiredAt"] is null));
        }
        return directory;
    }

    private static Task<JsonNode> GetAsync(HttpClient http, string path) => RequestAsync(http, HttpMethod.Get, path, null);

    /// <summary>Sends a directory change and prints what changed.</summary>
    private static async Task<int> ChangeAsync(HttpClient http, HttpMethod method, string path, JsonNode? body, TextWriter output)
    {
        var result = await RequestAsync(http, method, path, body);
        output.WriteLine($"{(int)result["count"]!} change(s)");
        foreach (var change in result["changes"]!.AsArray())
        {
            var kind = change!["before"] is null ? "added" : change["after"] is null ? "removed" : "changed";
            output.WriteLine($"  {kind} {change["entity"]} {change["key"]}");
        }
        return 0;
    }

    private static async Task<JsonNode> RequestAsync(HttpClient http, HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonNode.Parse(text)! : throw Refused(response, text);
    }

    private static CommandFailedException Refused(HttpResponseMessage response, string body) =>
        new($"The gateway refused: {(int)response.StatusCode} {response.ReasonPhrase}\n{body}");
}

/// <summary>The command was understood but could not be done; the message says why.</summary>
internal sealed class CommandFailedException(string message) : Exception(message);
