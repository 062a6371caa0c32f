using System.Globalization;
using System.Security.Cryptography;
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

    public static async Task<int> RunAsync(Arguments args, TextWriter output, HttpMessageHandler? handler = null)
    {
        using var http = AdminApiClient.Create(args, handler);
        switch (args.Positional)
        {
            case ["directory", "export"]:
                var exported = await AdminApiClient.GetAsync(http, "directory");
                if (args.Optional("out") is { } outFile)
                {
                    await File.WriteAllTextAsync(outFile, exported.ToJsonString(AdminApiClient.Indented));
                    output.WriteLine($"wrote {outFile}");
                }
                else
                {
                    output.WriteLine(exported.ToJsonString(AdminApiClient.Indented));
                }
                return 0;
            case ["directory", "import", var file]:
                return await ChangeAsync(http, HttpMethod.Put, "directory", WithInlineCertificates(file), output);
            case ["directory", "list", var what] when what is "participants" or "systems" or "types" or "providers" or "permissions":
                var directory = await AdminApiClient.GetAsync(http, "directory");
                var list = what == "systems"
                    ? new JsonArray([.. directory["participants"]!.AsArray().SelectMany(p => p!["systems"]!.AsArray()).Select(s => s!.DeepClone())])
                    : directory[what]!;
                output.WriteLine(list.ToJsonString(AdminApiClient.Indented));
                return 0;
            case ["directory", "retire", var kind, var key] when kind is "participant" or "system" or "certificate":
                return await ChangeAsync(http, HttpMethod.Delete, $"{kind}s/{Uri.EscapeDataString(key)}", null, output);
            case ["directory", "audit"]:
                var query = $"audit?limit={args.Number("limit", 50)}"
                    + (args.Optional("entity") is { } entity ? $"&entity={Uri.EscapeDataString(entity)}" : "")
                    + (args.Optional("key") is { } auditKey ? $"&key={Uri.EscapeDataString(auditKey)}" : "");
                output.WriteLine((await AdminApiClient.GetAsync(http, query)).ToJsonString(AdminApiClient.Indented));
                return 0;
            case ["directory", "token", "issue", var system]:
                var issued = await AdminApiClient.RequestAsync(http, HttpMethod.Post, $"systems/{Uri.EscapeDataString(system)}/api-tokens",
                    new JsonObject { ["label"] = args.Optional("label") });
                output.WriteLine(issued.ToJsonString(AdminApiClient.Indented));
                output.WriteLine("Keep the token now: the gateway keeps only its hash and cannot show it again.");
                return 0;
            case ["directory", "token", "list", var system]:
                output.WriteLine((await AdminApiClient.GetAsync(http, $"systems/{Uri.EscapeDataString(system)}/api-tokens")).ToJsonString(AdminApiClient.Indented));
                return 0;
            case ["directory", "token", "retire", var id] when long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _):
                var retired = await AdminApiClient.RequestAsync(http, HttpMethod.Delete, $"api-tokens/{id}", null);
                output.WriteLine($"retired API token {retired["id"]} of {retired["system"]}");
                return 0;
            default:
                throw new UsageException(Usage);
        }
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

    /// <summary>Sends a directory change and prints what changed.</summary>
    private static async Task<int> ChangeAsync(HttpClient http, HttpMethod method, string path, JsonNode? body, TextWriter output)
    {
        var result = await AdminApiClient.RequestAsync(http, method, path, body);
        output.WriteLine($"{(int)result["count"]!} change(s)");
        foreach (var change in result["changes"]!.AsArray())
        {
            var kind = change!["before"] is null ? "added" : change["after"] is null ? "removed" : "changed";
            output.WriteLine($"  {kind} {change["entity"]} {change["key"]}");
        }
        return 0;
    }
}
