using System.Xml;
using System.Xml.Schema;
using Exchange.Tests.Shared;

namespace Exchange.Gateway.Tests.Conformance;

/// <summary>
/// The schema of our extension, the status lookup (schemas/message-exchange/1.3/message-status-1.0.xsd, with the 1.3
/// files it imports), compiled once from the repository: its envelopes are not in the official set.
/// </summary>
public static class ExtensionSchemas
{
    private static readonly Lazy<XmlSchemaSet> Set = new(Compile);

    public static XmlSchemaSet MessageStatus => Set.Value;

    private static XmlSchemaSet Compile()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "schemas", "message-exchange", "1.3");
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        foreach (var file in new[] { "message-status-1.0.xsd", "faults-1.3.xsd" })
        {
            using var reader = XmlReader.Create(Path.Combine(folder, file),
                new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = new XmlUrlResolver() });
            set.Add(null, reader);
        }
        set.Compile();
        return set;
    }
}
