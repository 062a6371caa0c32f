using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace Exchange.Adapters.Sdk;

/// <summary>
/// Makes the detached XMLDSig signature SMEV expects in <c>CallerInformationSystemSignature</c>: one reference
/// to the signed element's <c>Id</c>, exclusive canonicalisation, the certificate in <c>ds:KeyInfo</c>.
/// RSA-SHA256 for now; GOST R 34.10-2012 and the SMEV transform come with the signing library (issue 4).
/// </summary>
public static class CallerSignature
{
    public static XmlElement Sign(XmlElement target, X509Certificate2 certificate)
    {
        var id = target.GetAttribute("Id");
        if (id.Length == 0)
        {
            throw new ArgumentException("The element to sign needs an Id attribute.", nameof(target));
        }
        var document = target.OwnerDocument;
        var signedXml = new SignedXml(document)
        {
            SigningKey = certificate.GetRSAPrivateKey()
                ?? throw new ArgumentException("The certificate has no RSA private key.", nameof(certificate)),
        };
        signedXml.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signedXml.SignedInfo.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        var reference = new Reference($"#{id}") { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signedXml.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signedXml.KeyInfo = keyInfo;
        signedXml.ComputeSignature();
        return signedXml.GetXml();
    }
}
