using System.Xml;
using Exchange.Gateway.Callers;
using Exchange.Signing.Certificates;
using Exchange.Signing.Xml;

namespace Exchange.Gateway.Acceptance;

/// <summary>
/// Checks an officer's personal signature (ЭП-СП, <c>PersonalSignature</c>) when a message carries one: it must
/// cover exactly the business document and come from a certificate of a trusted CA. Who the officer is stays the
/// sender's business; a message without one is accepted.
/// </summary>
public sealed class PersonalSignatureVerifier(CertificateValidator certificates, TimeProvider time)
{
    public void VerifyIfPresent(XmlElement? personalSignature, XmlElement businessContent)
    {
        if (personalSignature is null)
        {
            return;
        }
        try
        {
            var verified = XmlSignatureVerifier.Verify(personalSignature, businessContent);
            certificates.Validate(verified.CertificateDer, time.GetUtcNow());
        }
        catch (SignatureException refusal)
        {
            throw SignatureFaults.Refusal(refusal, "EXCHANGE-401-PERSONAL", "PersonalSignature");
        }
    }
}
