using Exchange.Signing.Algorithms;
using Org.BouncyCastle.Crypto.Signers;

namespace Exchange.Signing.Keys.Internal;

/// <summary>
/// BouncyCastle GOST signers, built directly rather than through SignerUtilities' name lookup: they are created per
/// operation (BouncyCastle signers keep state, so sharing one would need a lock) and this costs well under a microsecond.
/// The output is BouncyCastle's "GOST3411-2012-256WITHECGOST3410-2012-256" encoding, s || r big-endian, which is what SMEV's
/// SignatureValue holds as-is.
/// </summary>
internal static class GostSigners
{
    public static Gost3410DigestSigner Create(KeyAlgorithm algorithm) =>
        new(new ECGost3410Signer(), Digests.CreateGost(algorithm.DigestUri())
            ?? throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "not a GOST algorithm"));

    /// <summary>
    /// The exact signature length. BouncyCastle reads only the first 2 × digest-size bytes and ignores anything after
    /// them, so the length has to be checked by us or a padded signature would verify.
    /// </summary>
    public static int SignatureLength(KeyAlgorithm algorithm) => algorithm == KeyAlgorithm.Gost2012_512 ? 128 : 64;
}
