using System.Xml;
using Exchange.Protocol.Faults;

namespace Exchange.Protocol.Mtom;

/// <summary>
/// The binary parts of a request and the <c>xop:Include</c> elements that stand for them. An include is accepted only
/// as the whole content of <c>basic:AttachmentContentList/AttachmentContent/Content</c> directly under the operation:
/// that list is outside every signed element, so the signed XML is verified exactly as received and the parts can
/// never change what a signature covers. Every part must be referred to exactly once.
/// </summary>
public sealed class XopParts
{
    private readonly Dictionary<XmlElement, ReadOnlyMemory<byte>> _resolved;

    private XopParts(Dictionary<XmlElement, ReadOnlyMemory<byte>> resolved) => _resolved = resolved;

    /// <summary>A plain text/xml message: it has no parts, so any <c>xop:Include</c> in it is refused.</summary>
    public static XopParts None(XmlElement operation) => Bind(operation, new Dictionary<string, ReadOnlyMemory<byte>>());

    /// <summary>
    /// Checks every include of the document against <paramref name="parts"/> and pairs them up. <paramref name="operation"/>
    /// is the element whose <c>AttachmentContentList</c> may hold them: the operation of a request, the
    /// <c>RequestMessage</c> / <c>ResponseMessage</c> of an answer.
    /// </summary>
    public static XopParts Bind(XmlElement operation, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> parts)
    {
        var resolved = new Dictionary<XmlElement, ReadOnlyMemory<byte>>();
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var include in operation.OwnerDocument.GetElementsByTagName("Include", SmevNamespaces.Xop).OfType<XmlElement>().ToList())
        {
            var content = (XmlElement)include.ParentNode!;
            if (!IsAttachmentContent(content, operation) || content.ChildNodes.Count != 1)
            {
                throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.XopIncludeMisplaced,
                    "xop:Include is accepted only as the whole content of AttachmentContentList/AttachmentContent/Content, " +
                    "which is outside the signed data."));
            }
            var id = ContentId(include.GetAttribute("href"));
            if (!parts.TryGetValue(id, out var bytes))
            {
                throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.MtomPartMissing,
                    $"xop:Include refers to part <{id}>, which the request does not have."));
            }
            if (!referenced.Add(id))
            {
                throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.MtomPartDuplicate,
                    $"Part <{id}> is referred to by more than one xop:Include."));
            }
            resolved.Add(content, bytes);
        }
        if (parts.Keys.FirstOrDefault(id => !referenced.Contains(id)) is { } unreferenced)
        {
            throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.MtomPartUnreferenced,
                $"Part <{unreferenced}> is not referred to by any xop:Include."));
        }
        return new XopParts(resolved);
    }

    /// <summary>The bytes of the part that stands in <paramref name="content"/>; null when it holds base64 text.</summary>
    public ReadOnlyMemory<byte>? Resolve(XmlElement content) =>
        _resolved.TryGetValue(content, out var bytes) ? bytes : (ReadOnlyMemory<byte>?)null;

    private static bool IsAttachmentContent(XmlElement content, XmlElement operation) =>
        Is(content, "Content") && content.ParentNode is XmlElement attachment && Is(attachment, "AttachmentContent")
        && attachment.ParentNode is XmlElement list && Is(list, "AttachmentContentList") && list.ParentNode == operation;

    private static bool Is(XmlElement element, string localName) =>
        element.LocalName == localName && element.NamespaceURI == SmevNamespaces.Basic;

    /// <summary>The Content-ID a <c>cid:</c> URL names (RFC 2392: percent-encoded, without angle brackets).</summary>
    private static string ContentId(string href) =>
        href.StartsWith("cid:", StringComparison.OrdinalIgnoreCase) && href.Length > 4
            ? Uri.UnescapeDataString(href[4..])
            : throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.MtomPartMissing,
                $"xop:Include href '{href}' is not a cid: reference to a part."));
}
