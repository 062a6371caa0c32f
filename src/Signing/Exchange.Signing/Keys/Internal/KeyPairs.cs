using System.Security.Cryptography;
using Exchange.Signing.Algorithms;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.CryptoPro;
using Org.BouncyCastle.Asn1.Rosstandart;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Exchange.Signing.Keys.Internal;

/// <summary>New key pairs for <see cref="CertificateBuilder"/>.</summary>
internal static class KeyPairs
{
    public static (SubjectPublicKeyInfo PublicKey, IPrivateKey PrivateKey) Generate(KeyAlgorithm algorithm)
    {
        switch (algorithm)
        {
            case KeyAlgorithm.Gost2012_256:
                return GenerateGost(algorithm, "Tc26-Gost-3410-12-256-paramSetA", RosstandartObjectIdentifiers.id_tc26_gost_3411_12_256);
            case KeyAlgorithm.Gost2012_512:
                return GenerateGost(algorithm, "Tc26-Gost-3410-12-512-paramSetA", RosstandartObjectIdentifiers.id_tc26_gost_3411_12_512);
            // RSA and ECDSA keys come from .NET, where they will be used: BouncyCastle's RSA key generation is
            // about three times slower, and converting afterwards would buy nothing.
            case KeyAlgorithm.Rsa:
                var rsa = RSA.Create(2048);
                return (SubjectPublicKeyInfo.GetInstance(rsa.ExportSubjectPublicKeyInfo()), new RsaPrivateKey(rsa));
            case KeyAlgorithm.EcdsaP256:
                var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                return (SubjectPublicKeyInfo.GetInstance(ecdsa.ExportSubjectPublicKeyInfo()), new EcdsaPrivateKey(ecdsa));
            default:
                throw new NotSupportedException($"{algorithm} keys cannot be generated: the algorithm is for verifying old signatures only.");
        }
    }

    private static (SubjectPublicKeyInfo, IPrivateKey) GenerateGost(KeyAlgorithm algorithm, string curveName, DerObjectIdentifier digest)
    {
        // BouncyCastle has no "ECGOST3410-2012" generator; the 2001 one works once the domain parameters carry the
        // 2012 curve and digest OIDs. Those are what make SubjectPublicKeyInfoFactory write the 2012 key OID: it
        // writes the 2001 OID for any key on a CryptoPro curve, which is why the TC26 paramSetA curves are used.
        var curve = ECGost3410NamedCurves.GetOid(curveName);
        var domain = new ECGost3410Parameters(
            new ECNamedDomainParameters(curve, ECGost3410NamedCurves.GetByOid(curve)), curve, digest, encryptionParamSet: null);
        var generator = new ECKeyPairGenerator("ECGOST3410");
        generator.Init(new ECKeyGenerationParameters(domain, new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var publicKey = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(pair.Public);
        return (publicKey, new GostPrivateKey(algorithm, (ECPrivateKeyParameters)pair.Private, publicKey.Algorithm));
    }
}
