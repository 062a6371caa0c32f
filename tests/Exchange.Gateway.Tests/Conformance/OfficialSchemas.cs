using System.Xml;
using System.Xml.Schema;
using Exchange.Protocol;
using Exchange.Tests.Shared;

namespace Exchange.Gateway.Tests.Conformance;

/// <summary>
/// The official SMEV 3 message exchange 1.3 schemas (from the shared reference material), compiled once; envelopes of
/// our extension are checked against its own schema instead (<see cref="ExtensionSchemas"/>).
/// </summary>
public static class OfficialSchemas
{
    private static readonly Lazy<XmlSchemaSet> Set = new(Compile);

    /// <summary>Validates the element in the SOAP Body (for a fault, the element in its detail); returns what is wrong.</summary>
    public static IReadOnlyList<string> Violations(byte[] envelope)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        using (var stream = new MemoryStream(envelope))
        {
            document.Load(XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }));
        }
        var body = (XmlElement)document.GetElementsByTagName("Body", SmevNamespaces.Soap11)[0]!;
        var payload = body.ChildNodes.OfType<XmlElement>().Single();
        if (payload.LocalName == "Fault" && payload.NamespaceURI == SmevNamespaces.Soap11)
        {
            payload = payload.ChildNodes.OfType<XmlElement>().Single(e => e.LocalName == "detail").ChildNodes.OfType<XmlElement>().Single();
        }

        var schemas = payload.NamespaceURI == ExchangeNamespaces.MessageStatus ? ExtensionSchemas.MessageStatus : Set.Value;
        var violations = new List<string>();
        if (!schemas.GlobalElements.Contains(new XmlQualifiedName(payload.LocalName, payload.NamespaceURI)))
        {
            // XSD validation skips an undeclared root silently; an envelope nobody describes conforms to nothing.
            violations.Add($"{payload.LocalName}: {{{payload.NamespaceURI}}}{payload.LocalName} is not declared by the schemas it is checked against");
        }
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => violations.Add($"{payload.LocalName}: {e.Severity}: {e.Message}");
        using var reader = XmlReader.Create(new XmlNodeReader(payload), settings);
        while (reader.Read())
        {
        }
        return violations;
    }

    private static XmlSchemaSet Compile()
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        foreach (var file in new[] { "smev-message-exchange-types-1.3.xsd", "smev-message-exchange-faults-1.3.xsd" })
        {
            var path = SharedMaterial.Smev3("schemas", file);
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = new XmlUrlResolver() });
            set.Add(null, reader);
        }
        set.Compile();
        return set;
    }
}
