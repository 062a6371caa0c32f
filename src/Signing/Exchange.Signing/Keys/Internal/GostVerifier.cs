using Exchange.Signing.Algorithms;
using Org.BouncyCastle.Crypto.Parameters;

namespace Exchange.Signing.Keys.Internal;

internal sealed class GostVerifier(KeyAlgorithm algorithm, ECPublicKeyParameters publicKey) : ISignatureVerifier
{
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != GostSigners.SignatureLength(algorithm))
        {
            return false;
        }
        var signer = GostSigners.Create(algorithm);
        signer.Init(false, publicKey);
        signer.BlockUpdate(data);
        return signer.VerifySignature(signature.ToArray());
    }
}
