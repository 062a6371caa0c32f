using System.Xml;
using Exchange.Protocol.Tests.Xml;
using System.Xml.Schema;

namespace Exchange.Protocol.Tests.BusinessTypes;

/// <summary>
/// Compiles one business schema with what it imports: DTDs prohibited, imports confined to the folder, and every
/// schema warning (an import that could not be read is only a warning to XmlSchemaSet) treated as a failure.
/// </summary>
internal static class BusinessSchemaCompiler
{
    public static XmlSchemaSet Compile(string relativePath) => Compile(BusinessSchemaFolder.Root, relativePath);

    public static XmlSchemaSet Compile(string folder, string relativePath)
    {
        var problems = new List<string>();
        var schemas = new XmlSchemaSet { XmlResolver = new FolderXmlResolver(folder) };
        // For an import that could not be read, the reason (DTD, outside the folder, not a file) is only in the inner exception.
        schemas.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity}: {e.Message}{Because(e.Exception?.InnerException)}");

        var path = Path.GetFullPath(Path.Combine(folder, relativePath));
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using (var stream = File.OpenRead(path))
        using (var reader = XmlReader.Create(stream, settings, new Uri(path).AbsoluteUri))
        {
            schemas.Add(null, reader);
        }
        schemas.Compile();

        return problems.Count == 0
            ? schemas
            : throw new XmlSchemaException($"{relativePath} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    private static string Because(Exception? inner) => inner is null ? string.Empty : $" ({inner.Message})";
}
