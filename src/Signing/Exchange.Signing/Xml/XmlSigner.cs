using System.Xml;
using Exchange.Signing.Algorithms;
using Exchange.Signing.Keys;
using Exchange.Signing.Transforms;

namespace Exchange.Signing.Xml;

/// <summary>
/// Makes SMEV-profile XMLDSig signatures: one same-document reference to the target's <c>Id</c>, exclusive
/// c14n, then (by default) the SMEV transform, the signer's certificate in <c>ds:KeyInfo</c>. The signature is
/// detached: the caller puts the returned <c>ds:Signature</c> in its holder (e.g. CallerInformationSystemSignature).
/// </summary>
public static class XmlSigner
{
    /// <param name="smevTransform">
    /// False for signatures that tools without the SMEV transform must verify (plain XMLDSig with exclusive c14n).
    /// </param>
    public static XmlElement Sign(XmlElement target, SigningKey key, bool smevTransform = true)
    {
        var id = target.GetAttribute("Id");
        if (id.Length == 0)
        {
            throw new ArgumentException($"Element '{target.LocalName}' needs an Id attribute to be signed.", nameof(target));
        }

        var content = Canonicalization.Exclusive(target);
        if (smevTransform)
        {
            content = SmevTransform.Apply(content);
        }
        var digest = Digests.Compute(key.DigestUri, content);

        var document = target.OwnerDocument;
        var signature = Element(document, "Signature");
        var signedInfo = Append(signature, "SignedInfo");
        Append(signedInfo, "CanonicalizationMethod").SetAttribute("Algorithm", XmlDsig.ExclusiveC14N);
        Append(signedInfo, "SignatureMethod").SetAttribute("Algorithm", key.SignatureUri);
        var reference = Append(signedInfo, "Reference");
        reference.SetAttribute("URI", "#" + id);
        var transforms = Append(reference, "Transforms");
        Append(transforms, "Transform").SetAttribute("Algorithm", XmlDsig.ExclusiveC14N);
        if (smevTransform)
        {
            Append(transforms, "Transform").SetAttribute("Algorithm", SmevTransform.Uri);
        }
        Append(reference, "DigestMethod").SetAttribute("Algorithm", key.DigestUri);
        Append(reference, "DigestValue").InnerText = Convert.ToBase64String(digest);

        Append(signature, "SignatureValue").InnerText = Convert.ToBase64String(key.Sign(Canonicalization.Exclusive(signedInfo)));
        Append(Append(Append(signature, "KeyInfo"), "X509Data"), "X509Certificate").InnerText = Convert.ToBase64String(key.CertificateDer);
        return signature;
    }

    private static XmlElement Element(XmlDocument document, string name) => document.CreateElement("ds", name, XmlDsig.Namespace);

    private static XmlElement Append(XmlElement parent, string name) =>
        (XmlElement)parent.AppendChild(Element(parent.OwnerDocument, name))!;
}
