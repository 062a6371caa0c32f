using System.Security.Cryptography;
using Exchange.Signing.Algorithms;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Exchange.Signing.Keys.Internal;

/// <summary>New key pairs for <see cref="CertificateBuilder"/>.</summary>
internal static class KeyPairs
{
    /// <param name="gost">The curve and digest parameter set of a GOST key (null: <see cref="GostKeyParameters.Default"/>); unused for the others.</param>
    public static (SubjectPublicKeyInfo PublicKey, IPrivateKey PrivateKey) Generate(KeyAlgorithm algorithm, GostKeyParameters? gost)
    {
        switch (algorithm)
        {
            case KeyAlgorithm.Gost2012_256 or KeyAlgorithm.Gost2012_512:
                return GenerateGost(algorithm, gost ?? GostKeyParameters.Default(algorithm));
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

    private static (SubjectPublicKeyInfo, IPrivateKey) GenerateGost(KeyAlgorithm algorithm, GostKeyParameters parameters)
    {
        // BouncyCastle has no "ECGOST3410-2012" generator; the 2001 one works on any GOST curve. The public key is
        // written by GostPublicKeys, which keeps the 2012 OID on CryptoPro curves too.
        var generator = new ECKeyPairGenerator("ECGOST3410");
        generator.Init(new ECKeyGenerationParameters(parameters.Domain(algorithm), new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var publicKey = GostPublicKeys.Write((ECPublicKeyParameters)pair.Public, algorithm, parameters);
        return (publicKey, new GostPrivateKey(algorithm, (ECPrivateKeyParameters)pair.Private, publicKey.Algorithm));
    }
}
