using System.Security.Cryptography;
using Exchange.Signing.Keys.Internal;
using Exchange.Signing.Xml;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Rosstandart;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using CmsAttributes = Org.BouncyCastle.Asn1.Cms.CmsAttributes;
using SignatureException = Exchange.Signing.Xml.SignatureException;

namespace Exchange.Signing.Cms;

/// <summary>
/// Verifies an attachment's <c>SignaturePKCS7</c> as SMEV's reference client does, and stricter: a detached CMS
/// SignedData with exactly one signer whose certificate is inside, signed attributes present, a digest we accept
/// (Streebog 256/512, SHA-256), the messageDigest attribute equal to the digest of the bytes received, and a valid
/// signature over the attributes. Whether the signer is trusted is the caller's check (<see cref="Certificates.CertificateValidator"/>).
/// Each refusal is a <see cref="SignatureException"/>.
/// </summary>
public static class DetachedCmsVerifier
{
    private static readonly HashSet<string> AcceptedDigests =
    [
        RosstandartObjectIdentifiers.id_tc26_gost_3411_12_256.Id,
        RosstandartObjectIdentifiers.id_tc26_gost_3411_12_512.Id,
        NistObjectIdentifiers.IdSha256.Id,
    ];

    /// <summary>Verifies the signature and that its signer's certificate is trusted at <paramref name="at"/>.</summary>
    public static VerifiedCmsSignature Verify(ReadOnlyMemory<byte> content, byte[] signature, Certificates.CertificateValidator trust, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(trust);
        var verified = Verify(content, signature);
        trust.Validate(verified.CertificateDer, at);
        return verified;
    }

    public static VerifiedCmsSignature Verify(ReadOnlyMemory<byte> content, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        try
        {
            if (new CmsSignedData(signature).SignedContent is not null)
            {
                throw Refused(SignatureError.MalformedSignature, "The CMS signature encapsulates its content; SMEV's attachment signatures are detached.");
            }
            var signed = new CmsSignedData(new CmsProcessableByteArray(content.ToArray()), signature);
            var signers = signed.GetSignerInfos().GetSigners();
            if (signers.Count != 1)
            {
                throw Refused(SignatureError.MalformedSignature, $"The CMS signature has {signers.Count} signers; exactly one is accepted.");
            }
            var signer = signers.First();
            var certificate = SignerCertificate(signed, signer);
            CheckDigest(signer, content.Span);
            // Verify(certificate) would read the key with BouncyCastle's reader, which refuses GOST keys without a digest
            // parameter set; the check of the signing time it makes is made here instead.
            if (SigningTime(signer) is { } signedAt && !certificate.IsValid(signedAt.UtcDateTime))
            {
                throw Refused(SignatureError.MalformedSignature, $"The CMS signature was made at {signedAt:O}, outside its certificate's validity.");
            }
            if (!signer.Verify(GostPublicKeys.ForBouncyCastle(certificate.CertificateStructure.SubjectPublicKeyInfo)))
            {
                throw Refused(SignatureError.SignatureInvalid, "The CMS signature does not verify with the signer's certificate.");
            }
            return new VerifiedCmsSignature(certificate.GetEncoded(), SigningTime(signer));
        }
        catch (Exception e) when (e is CmsException or IOException or ArgumentException or InvalidCastException or InvalidOperationException
                                      or SecurityUtilityException or Org.BouncyCastle.Security.GeneralSecurityException or CryptographicException)
        {
            throw Refused(SignatureError.MalformedSignature, $"The CMS signature cannot be read or checked: {e.Message}", e);
        }
    }

    private static X509Certificate SignerCertificate(CmsSignedData signed, SignerInformation signer)
    {
        var matches = signed.GetCertificates().EnumerateMatches(signer.SignerID).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw Refused(SignatureError.CertificateMissing, $"The CMS signature carries {matches.Count} certificates of its signer; exactly one is needed.");
    }

    private static void CheckDigest(SignerInformation signer, ReadOnlySpan<byte> content)
    {
        if (!AcceptedDigests.Contains(signer.DigestAlgorithmID.Algorithm.Id))
        {
            throw Refused(SignatureError.UnsupportedDigestAlgorithm,
                $"The CMS signature uses digest {signer.DigestAlgorithmID.Algorithm.Id}; accepted are GOST R 34.11-2012 (256, 512) and SHA-256.");
        }
        // Without signed attributes the signature would be over the content itself, with nothing binding content type
        // or time; SMEV's verifier requires them too.
        var attributes = signer.SignedAttributes
            ?? throw Refused(SignatureError.MalformedSignature, "The CMS signature has no signed attributes.");
        if (attributes[CmsAttributes.MessageDigest]?.AttrValues is not { Count: 1 } values || values[0] is not Asn1OctetString claimed)
        {
            throw Refused(SignatureError.MalformedSignature, "The CMS signature's signed attributes hold no single messageDigest.");
        }
        var actual = DigestUtilities.CalculateDigest(signer.DigestAlgorithmID.Algorithm.Id, content.ToArray());
        if (!claimed.GetOctets().AsSpan().SequenceEqual(actual))
        {
            throw Refused(SignatureError.DigestMismatch, "The attachment's digest differs from the messageDigest its CMS signature signs: the bytes were changed.");
        }
    }

    private static DateTimeOffset? SigningTime(SignerInformation signer) =>
        signer.SignedAttributes?[CmsAttributes.SigningTime]?.AttrValues is { Count: 1 } values
            ? new DateTimeOffset(Time.GetInstance(values[0]).ToDateTime().ToUniversalTime())
            : null;

    private static SignatureException Refused(SignatureError error, string message, Exception? inner = null) => new(error, message, inner);
}
