using Exchange.Signing.Algorithms;
using Exchange.Signing.Keys;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.X509;

namespace Exchange.Signing.Cms;

/// <summary>
/// Makes SMEV's attachment signature (<c>SignaturePKCS7</c>): a detached CMS SignedData over the file's bytes with one
/// signer, signed attributes (content type, signing time, message digest) and the signer's certificate included.
/// </summary>
public static class DetachedCmsSigner
{
    public static byte[] Sign(ReadOnlySpan<byte> content, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var certificate = new X509Certificate(key.CertificateDer);
        var signerInfo = new SignerInfoGeneratorBuilder()
            .Build(new Asn1SignatureFactory(BouncyCastleSignatureNames.For(key.Algorithm), key.ToBouncyCastle()), certificate);
        var generator = new CmsSignedDataGenerator();
        generator.AddSignerInfoGenerator(signerInfo);
        generator.AddCertificate(certificate);
        return generator.Generate(new CmsProcessableByteArray(content.ToArray()), encapsulate: false).GetEncoded();
    }
}
