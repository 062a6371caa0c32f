using System.Xml;
using System.Xml.Serialization;
using Exchange.Signing.Keys;
using Exchange.Signing.Xml;

namespace Exchange.Gateway.Tests.Wcf;

/// <summary>
/// Signs a contract object as a WCF client of SMEV does: serialise the element to sign on its own, sign it, and
/// put the ds:Signature into CallerInformationSystemSignature. The SMEV transform makes the digest independent of the
/// prefixes WCF's serializer picks when it writes the same element again inside the envelope.
/// </summary>
public static class WcfSigning
{
    public static XmlDsigSignature Sign<T>(T element, SigningKey key)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        using (var writer = document.CreateNavigator()!.AppendChild())
        {
            new XmlSerializer(typeof(T)).Serialize(writer, element);
        }
        return new XmlDsigSignature { Any = XmlSigner.Sign(document.DocumentElement!, key) };
    }
}
