using System.Text;
using System.Xml;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Mtom;

/// <summary>
/// Writes MTOM: takes the attachment contents out of an envelope (<see cref="ExtractParts"/>), leaving <c>xop:Include</c>
/// in their place, and packages the envelope and the parts as <c>multipart/related</c> (<see cref="Package"/>).
/// Only <c>AttachmentContentList</c> is touched, which is outside every signed element, so signing before or after is the same.
/// </summary>
public static class MtomWriter
{
    /// <summary>
    /// Replaces the base64 text of each <c>AttachmentContentList/AttachmentContent/Content</c> child of
    /// <paramref name="parent"/> with an <c>xop:Include</c>; returns the parts by Content-ID.
    /// </summary>
    public static IReadOnlyList<(string ContentId, byte[] Content)> ExtractParts(XmlElement parent)
    {
        var parts = new List<(string, byte[])>();
        if (parent.OptionalChild(SmevNamespaces.Basic, "AttachmentContentList") is not { } list)
        {
            return parts;
        }
        foreach (var content in list.ChildElements().Select(a => a.RequiredChild(SmevNamespaces.Basic, "Content")))
        {
            var id = $"{parts.Count + 1}.{Guid.NewGuid():N}@exchange";
            parts.Add((id, Convert.FromBase64String(content.InnerText)));
            content.RemoveAll();
            var include = content.OwnerDocument.CreateElement("xop", "Include", SmevNamespaces.Xop);
            include.SetAttribute("href", "cid:" + Uri.EscapeDataString(id));
            content.AppendChild(include);
        }
        return parts;
    }

    /// <summary>The multipart body and its Content-Type header value.</summary>
    public static (string ContentType, byte[] Body) Package(byte[] envelope, IReadOnlyList<(string ContentId, byte[] Content)> parts)
    {
        var boundary = $"uuid:{Guid.NewGuid()}";
        const string rootId = "root.message@exchange";
        using var body = new MemoryStream();
        void Ascii(string text) => body.Write(Encoding.ASCII.GetBytes(text));

        Ascii($"--{boundary}\r\nContent-ID: <{rootId}>\r\n" +
              "Content-Type: application/xop+xml; charset=utf-8; type=\"text/xml\"\r\nContent-Transfer-Encoding: binary\r\n\r\n");
        body.Write(envelope);
        foreach (var (id, content) in parts)
        {
            Ascii($"\r\n--{boundary}\r\nContent-ID: <{id}>\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            body.Write(content);
        }
        Ascii($"\r\n--{boundary}--\r\n");
        var contentType = $"multipart/related; type=\"{MtomMessage.RootMediaType}\"; boundary=\"{boundary}\"; " +
                          $"start=\"<{rootId}>\"; start-info=\"text/xml\"";
        return (contentType, body.ToArray());
    }
}
