using System.Reflection;

namespace Exchange.Protocol.Schemas;

/// <summary>The files of the repository's <c>schemas/</c> folder, embedded in this assembly.</summary>
public static class SchemaFiles
{
    /// <summary>Where our SMEV 3 message exchange 1.3 WSDL and XSDs are, below <c>schemas/</c>.</summary>
    public const string MessageExchange13 = "message-exchange/1.3/";

    public const string MessageExchange13Wsdl = MessageExchange13 + "message-exchange-1.3.wsdl";

    /// <summary>Our extension beside the 1.3 service: the per-message status lookup.</summary>
    public const string MessageStatusWsdl = MessageExchange13 + "message-status-1.0.wsdl";

    private static readonly Assembly Assembly = typeof(SchemaFiles).Assembly;
    private const string Prefix = "schemas/";

    /// <summary>Paths below <c>schemas/</c> that start with <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> In(string folder) => Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(Prefix + folder, StringComparison.Ordinal))
        .Select(name => name[Prefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToList();

    public static bool Exists(string path) => Assembly.GetManifestResourceInfo(Prefix + path) is not null;

    public static Stream Open(string path) =>
        Assembly.GetManifestResourceStream(Prefix + path) ?? throw new FileNotFoundException($"No embedded schema file {path}.");

    public static string ReadText(string path)
    {
        using var reader = new StreamReader(Open(path));
        return reader.ReadToEnd();
    }
}
