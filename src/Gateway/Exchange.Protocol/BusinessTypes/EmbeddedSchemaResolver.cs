using Exchange.Protocol.Schemas;

namespace Exchange.Protocol.BusinessTypes;

/// <summary>
/// Resolves schema imports to the embedded <c>schemas/</c> files and to nothing else: no network, no file system.
/// Schemas are loaded under a base address of their own so relative <c>schemaLocation</c>s work as in the folder.
/// </summary>
internal sealed class EmbeddedSchemaResolver : System.Xml.XmlResolver
{
    public static readonly Uri Base = new("http://schemas.exchange.invalid/");

    public static Uri AddressOf(string path) => new(Base, path);

    public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
    {
        if (absoluteUri.Host != Base.Host || !SchemaFiles.Exists(absoluteUri.AbsolutePath.TrimStart('/')))
        {
            throw new System.Xml.XmlException($"Schema '{absoluteUri}' is not one of the gateway's schemas.");
        }
        return SchemaFiles.Open(absoluteUri.AbsolutePath.TrimStart('/'));
    }
}
