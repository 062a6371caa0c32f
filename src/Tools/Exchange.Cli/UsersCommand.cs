using System.Text.Json.Nodes;

namespace Exchange.Cli;

/// <summary>
/// <c>exchange users ...</c>: the operator console's users through the admin API (as <see cref="DirectoryCommand"/>).
/// A password never goes on the command line, where other users of the machine and the shell's history see it: it is
/// read from --password-file or from standard input.
/// </summary>
internal static class UsersCommand
{
    public const string Usage = """
        exchange users add      NAME --role R [--role R]... [--password-file FILE]   roles: operator, content_reader, administrator
        exchange users list
        exchange users disable  NAME                                  it can no longer sign in; its sessions end
        exchange users role     NAME --role R [--role R]...           replaces the user's roles
        exchange users password NAME [--password-file FILE]           a new password; lifts a lockout
          the password: the file's first line, or else standard input's; every command: [--url ...] [--token ...]
        """;

    public static async Task<int> RunAsync(Arguments args, TextWriter output, TextReader input, HttpMessageHandler? handler = null)
    {
        switch (args.Positional)
        {
            case ["users", "add", var name]:
                var roles = Roles(args);
                return await SendAsync(args, handler, HttpMethod.Post, "users",
                    new JsonObject { ["name"] = name, ["password"] = Password(args, input), ["roles"] = roles }, "added", output);
            case ["users", "list"]:
            {
                using var http = AdminApiClient.Create(args, handler);
                foreach (var user in (await AdminApiClient.GetAsync(http, "users")).AsArray())
                {
                    var state = (bool)user!["isDisabled"]! ? "disabled" : "active";
                    output.WriteLine($"{user["name"],-24} {state,-9} {string.Join(",", user["roles"]!.AsArray().Select(r => (string)r!))}");
                }
                return 0;
            }
            case ["users", "disable", var name]:
                return await SendAsync(args, handler, HttpMethod.Delete, $"users/{Uri.EscapeDataString(name)}", null, "disabled", output);
            case ["users", "role", var name]:
                return await SendAsync(args, handler, HttpMethod.Put, $"users/{Uri.EscapeDataString(name)}/roles",
                    new JsonObject { ["roles"] = Roles(args) }, "given roles", output);
            case ["users", "password", var name]:
                return await SendAsync(args, handler, HttpMethod.Put, $"users/{Uri.EscapeDataString(name)}/password",
                    new JsonObject { ["password"] = Password(args, input) }, "given a new password", output);
            default:
                throw new UsageException(Usage);
        }
    }

    private static async Task<int> SendAsync(Arguments args, HttpMessageHandler? handler, HttpMethod method, string path, JsonObject? body,
        string done, TextWriter output)
    {
        using var http = AdminApiClient.Create(args, handler);
        var user = await AdminApiClient.RequestAsync(http, method, path, body);
        output.WriteLine($"{user["name"]} {done}; roles: {string.Join(",", user["roles"]!.AsArray().Select(r => (string)r!))}");
        return 0;
    }

    private static JsonArray Roles(Arguments args) => args.All("role") is { Count: > 0 } roles
        ? new JsonArray([.. roles.Select(r => JsonValue.Create(r))])
        : throw new UsageException("Give the user's roles: --role operator|content_reader|administrator (repeat for several).");

    /// <summary>The first line of --password-file, or else of standard input (typed, or piped from a secret store).</summary>
    private static string Password(Arguments args, TextReader input)
    {
        var line = args.Optional("password-file") is { } file ? File.ReadLines(file).FirstOrDefault()
            : ReferenceEquals(input, Console.In) && !Console.IsInputRedirected ? TypedUnseen()
            : input.ReadLine();
        return string.IsNullOrEmpty(line) ? throw new UsageException("No password: put it in --password-file FILE or on standard input.") : line;
    }

    // Typed at a terminal: not echoed, so it stays out of the scrollback and off the screen.
    private static string TypedUnseen()
    {
        Console.Error.Write("Password: ");
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
        Console.Error.WriteLine();
        return typed.ToString();
    }
}
