using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Exchange.Protocol.Tests.BusinessTypes;

/// <summary>
/// Validates a business document against the schema the catalog names for its root element, and reports each
/// problem with the element it was found on. Warnings count: an element no schema declares is only a warning.
/// </summary>
internal static class BusinessDocumentValidator
{
    private static readonly XmlReaderSettings NoDtd = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    public static IReadOnlyList<ValidationFinding> Validate(string xml)
    {
        var document = Load(xml);
        var root = document.Root!.Name;
        var entry = BusinessCatalog.Entries.SingleOrDefault(e => e.NamespaceUri == root.NamespaceName && e.RootElement == root.LocalName)
            ?? throw new KeyNotFoundException($"No catalog entry for the root element {root}.");
        return Validate(BusinessSchemaCompiler.Compile(entry.Schema), document);
    }

    public static IReadOnlyList<ValidationFinding> Validate(XmlSchemaSet schemas, XDocument document)
    {
        var findings = new List<ValidationFinding>();
        document.Validate(schemas, (sender, e) => findings.Add(new ValidationFinding(NameOf(sender), e.Severity, e.Message)));
        return findings;
    }

    public static XDocument Load(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), NoDtd);
        return XDocument.Load(reader);
    }

    private static string NameOf(object? sender) => sender switch
    {
        XElement element => element.Name.LocalName,
        XAttribute attribute => attribute.Parent?.Name.LocalName ?? attribute.Name.LocalName,
        _ => string.Empty,
    };
}
