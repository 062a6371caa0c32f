using Exchange.Tests.Shared;

namespace Exchange.Protocol.Tests.Schemas;

/// <summary>Where our schemas (in the repository) and the official reference set (in the shared material) are.</summary>
internal static class SchemaFolders
{
    public const string OurWsdl = "message-exchange-1.3.wsdl";
    public const string OfficialWsdl = "smev-message-exchange-service-1.3.wsdl";

    /// <summary>Our files, read from the repository.</summary>
    public static string Ours { get; } = Path.Combine(RepositoryRoot.Path, "schemas", "message-exchange", "1.3");

    /// <summary>The official 1.3 files, reference data beside the repository (never copied into it).</summary>
    public static string Official { get; } = SharedMaterial.Smev3("schemas");

    public static string OursFile(string name) => Path.Combine(Ours, name);

    public static string OfficialFile(string name) => Path.Combine(Official, name);
}
