using System.Security.Cryptography.Xml;
using System.Xml;

namespace Exchange.Signing.Xml;

/// <summary>Exclusive XML canonicalisation (without comments) of one element in its document context.</summary>
internal static class Canonicalization
{
    /// <summary>The element is canonicalised as a detached copy: the result is what it would be in place.</summary>
    public static byte[] Exclusive(XmlElement element)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        document.AppendChild(DetachedElement.Copy(element, document));

        var transform = new XmlDsigExcC14NTransform();
        transform.LoadInput(document);
        using var output = (Stream)transform.GetOutput(typeof(Stream));
        using var buffer = new MemoryStream();
        output.CopyTo(buffer);
        return buffer.ToArray();
    }
}
