using System.Security.Cryptography.Xml;
using System.Xml;
using Exchange.Signing.Xml;

namespace Exchange.Signing.Tests.Interop;

/// <summary>
/// The bytes a SignatureValue signs: ds:SignedInfo after exclusive c14n, computed here with .NET's own transform rather
/// than the library's code, so the external tool and the library meet on bytes neither of them produced alone.
/// </summary>
internal static class CanonicalSignedInfo
{
    public static byte[] Of(XmlElement signature)
    {
        var signedInfo = signature.GetElementsByTagName("SignedInfo", XmlDsig.Namespace)[0]!;
        // Exclusive c14n renders only the namespaces the subtree uses, so a copy detached from the document canonicalises alike.
        var detached = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        detached.AppendChild(detached.ImportNode(signedInfo, deep: true));

        var transform = new XmlDsigExcC14NTransform();
        transform.LoadInput(detached);
        using var output = (Stream)transform.GetOutput(typeof(Stream));
        using var buffer = new MemoryStream();
        output.CopyTo(buffer);
        return buffer.ToArray();
    }
}
