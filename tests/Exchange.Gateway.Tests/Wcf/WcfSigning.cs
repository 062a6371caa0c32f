using System.Security.Cryptography.X509Certificates;
using System.Xml;
using System.Xml.Serialization;
using Exchange.Adapters.Sdk;

namespace Exchange.Gateway.Tests.Wcf;

/// <summary>
/// Signs a contract object as a WCF client of SMEV does: serialise the element to sign on its own, sign it, and
/// put the ds:Signature into CallerInformationSystemSignature.
/// </summary>
public static class WcfSigning
{
    public static XmlDsigSignature Sign<T>(T element, X509Certificate2 certificate)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        using (var writer = document.CreateNavigator()!.AppendChild())
        {
            new XmlSerializer(typeof(T)).Serialize(writer, element);
        }
        return new XmlDsigSignature { Any = CallerSignature.Sign(document.DocumentElement!, certificate) };
    }
}
