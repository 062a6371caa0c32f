using System.Xml;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Mtom;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Attachments;

/// <summary>
/// One <c>basic:AttachmentContent</c>: an attachment's bytes under the id its header names. The list sits outside the
/// signed data, so MTOM can move the bytes as binary parts without touching what was signed.
/// </summary>
public sealed record AttachmentContent(string Id, ReadOnlyMemory<byte> Content)
{
    /// <summary>
    /// The contents in the operation's <c>AttachmentContentList</c> (empty when it has none): base64 text, or, in an
    /// MTOM request, the bytes of the part an <c>xop:Include</c> points at.
    /// </summary>
    public static IReadOnlyList<AttachmentContent> ParseList(SoapRequest request) => ParseList(request.Operation, request.XopParts);

    /// <summary>The contents in the <c>AttachmentContentList</c> child of <paramref name="parent"/>, parts resolved through <paramref name="xopParts"/>.</summary>
    public static IReadOnlyList<AttachmentContent> ParseList(XmlElement parent, XopParts xopParts)
    {
        var list = parent.OptionalChild(SmevNamespaces.Basic, "AttachmentContentList");
        if (list is null)
        {
            return [];
        }
        var contents = list.ChildElements().Select(e => Parse(e, xopParts)).ToList();
        return contents.Count > 0 ? contents : throw SmevFaultException.InvalidStructure("AttachmentContentList must hold at least one AttachmentContent.");
    }

    /// <summary>Writes <c>basic:AttachmentContentList</c> with the contents inline (base64); nothing when there are none.</summary>
    public static void WriteList(XmlWriter writer, IReadOnlyList<AttachmentContent> contents)
    {
        if (contents.Count == 0)
        {
            return;
        }
        writer.WriteStartElement("basic", "AttachmentContentList", SmevNamespaces.Basic);
        foreach (var content in contents)
        {
            writer.WriteStartElement("basic", "AttachmentContent", SmevNamespaces.Basic);
            writer.WriteElementString("basic", "Id", SmevNamespaces.Basic, content.Id);
            writer.WriteStartElement("basic", "Content", SmevNamespaces.Basic);
            var bytes = content.Content.ToArray();
            writer.WriteBase64(bytes, 0, bytes.Length);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static AttachmentContent Parse(XmlElement element, XopParts xopParts)
    {
        if (element.LocalName != "AttachmentContent" || element.NamespaceURI != SmevNamespaces.Basic)
        {
            throw SmevFaultException.InvalidStructure($"AttachmentContentList may hold only basic:AttachmentContent, not '{element.LocalName}'.");
        }
        var id = element.RequiredText(SmevNamespaces.Basic, "Id");
        try
        {
            XmlConvert.VerifyNCName(id);
        }
        catch (XmlException)
        {
            throw SmevFaultException.InvalidStructure($"AttachmentContent Id '{id}' is not an xs:ID (an XML name without a colon).");
        }
        var content = element.RequiredChild(SmevNamespaces.Basic, "Content");
        return new AttachmentContent(id, xopParts.Resolve(content) ?? AttachmentHeader.Base64(content.InnerText, $"Content of attachment '{id}'"));
    }
}
