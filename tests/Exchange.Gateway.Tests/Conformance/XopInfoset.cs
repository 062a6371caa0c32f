using System.Text;
using System.Xml;
using Exchange.Protocol;
using Exchange.Protocol.Mtom;

namespace Exchange.Gateway.Tests.Conformance;

/// <summary>
/// The XML an MTOM message stands for (its XOP infoset): each <c>xop:Include</c> replaced by the base64 of the part it
/// names. Schemas apply to this form, where <c>Content</c> is base64Binary again.
/// </summary>
public static class XopInfoset
{
    public static byte[] Reconstruct(string contentType, byte[] body)
    {
        var message = MtomReader.Read(contentType, body, new MtomLimits());
        var document = new XmlDocument { PreserveWhitespace = true };
        document.Load(new MemoryStream(message.Root.ToArray()));
        foreach (var include in document.GetElementsByTagName("Include", SmevNamespaces.Xop).OfType<XmlElement>().ToList())
        {
            var id = Uri.UnescapeDataString(include.GetAttribute("href")["cid:".Length..]);
            var parent = include.ParentNode!;
            parent.ReplaceChild(document.CreateTextNode(Convert.ToBase64String(message.Parts[id].Span)), include);
        }
        return Encoding.UTF8.GetBytes(document.OuterXml);
    }
}
