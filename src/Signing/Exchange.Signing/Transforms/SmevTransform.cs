using System.Text;
using System.Xml;

namespace Exchange.Signing.Transforms;

/// <summary>
/// The SMEV 3 XMLDSig transform <c>urn://smev-gov-ru/xmldsig/transform</c>, byte for byte as the operator's
/// reference implementation computes it on the JDK's built-in StAX (the form SMEV's signatures are checked against).
/// </summary>
/// <remarks>
/// Rules: every prefix is replaced by a generated <c>nsN</c> from one counter that never resets; a namespace is
/// declared on the first element that needs it and forgotten when that element closes, so siblings declare it again
/// under a new number; attributes are sorted; whitespace-only character data, comments, processing instructions and
/// the XML declaration are dropped; empty elements are written as a start and an end tag.
/// </remarks>
public static class SmevTransform
{
    public const string Uri = "urn://smev-gov-ru/xmldsig/transform";

    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = true,
    };

    /// <summary>Transforms the octets a Reference's exclusive c14n produced (UTF-8) into the octets that get hashed.</summary>
    /// <exception cref="XmlException">The input is not well-formed or carries a DTD.</exception>
    public static byte[] Apply(ReadOnlySpan<byte> input)
    {
        using var reader = XmlReader.Create(new MemoryStream(input.ToArray(), writable: false), ReaderSettings);
        var writer = new CanonicalWriter();
        var scope = new PrefixScope();
        var attributes = new List<SourceAttribute>();
        var pendingText = new StringBuilder();
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    pendingText.Append(reader.Value);
                    break;
                case XmlNodeType.Element:
                    FlushText(pendingText, writer);
                    WriteStartElement(reader, scope, attributes, writer);
                    if (reader.IsEmptyElement)
                    {
                        WriteEndElement(reader, scope, writer);
                    }
                    break;
                case XmlNodeType.EndElement:
                    FlushText(pendingText, writer);
                    WriteEndElement(reader, scope, writer);
                    break;
                case XmlNodeType.CDATA:
                    // The JDK parser reports a CDATA section as one event of its own, never split.
                    FlushText(pendingText, writer);
                    JdkCharacterEvents.WriteIfNotBlank(reader.Value, writer);
                    break;
                default:
                    // Comments, PIs and the declaration are dropped, but the parser still ends a text event at them.
                    FlushText(pendingText, writer);
                    break;
            }
        }
        return writer.ToArray();
    }

    private static void FlushText(StringBuilder pendingText, CanonicalWriter writer)
    {
        if (pendingText.Length == 0)
        {
            return;
        }
        JdkCharacterEvents.WriteKept(pendingText.ToString(), writer);
        pendingText.Clear();
    }

    private static void WriteStartElement(XmlReader reader, PrefixScope scope, List<SourceAttribute> attributes, CanonicalWriter writer)
    {
        scope.Open();
        // The element's namespace is resolved before the attributes', so it gets the lower number.
        var prefix = scope.Resolve(reader.NamespaceURI);
        ReadAttributes(reader, attributes);
        writer.StartTag(prefix, reader.LocalName);
        var attributePrefixes = new string?[attributes.Count];
        for (var i = 0; i < attributes.Count; i++)
        {
            // Unqualified attributes stay unprefixed; any other namespace, the XML one included, gets an nsN.
            attributePrefixes[i] = attributes[i].NamespaceUri.Length == 0 ? null : scope.Resolve(attributes[i].NamespaceUri);
        }
        foreach (var (declaredPrefix, uri) in scope.DeclaredHere())
        {
            writer.NamespaceDeclaration(declaredPrefix, uri);
        }
        for (var i = 0; i < attributes.Count; i++)
        {
            writer.Attribute(attributePrefixes[i], attributes[i].LocalName, attributes[i].Value);
        }
        writer.CloseStartTag();
    }

    private static void WriteEndElement(XmlReader reader, PrefixScope scope, CanonicalWriter writer)
    {
        writer.EndTag(scope.PrefixOf(reader.NamespaceURI), reader.LocalName);
        scope.Close();
    }

    private static void ReadAttributes(XmlReader reader, List<SourceAttribute> attributes)
    {
        attributes.Clear();
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                // Source declarations are ignored: only the URIs the names use matter, so unused ones vanish.
                if (reader.NamespaceURI != XmlnsNamespace)
                {
                    attributes.Add(new SourceAttribute(reader.NamespaceURI, reader.LocalName, reader.Value));
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        attributes.Sort(CompareAttributes);
    }

    // Qualified attributes first, by namespace URI then local name; unqualified after them, by local name.
    // Ordinal UTF-16 comparison, because the reference uses Java's String.compareTo.
    private static int CompareAttributes(SourceAttribute left, SourceAttribute right)
    {
        var leftQualified = left.NamespaceUri.Length != 0;
        var rightQualified = right.NamespaceUri.Length != 0;
        if (leftQualified != rightQualified)
        {
            return leftQualified ? -1 : 1;
        }
        var byNamespace = string.CompareOrdinal(left.NamespaceUri, right.NamespaceUri);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(left.LocalName, right.LocalName);
    }

    private readonly record struct SourceAttribute(string NamespaceUri, string LocalName, string Value);
}
