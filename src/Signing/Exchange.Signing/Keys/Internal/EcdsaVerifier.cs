using System.Security.Cryptography;

namespace Exchange.Signing.Keys.Internal;

/// <summary>ECDSA through .NET; XMLDSig carries r || s (IEEE P1363), not the DER sequence X.509 uses.</summary>
internal sealed class EcdsaVerifier(ECDsa publicKey) : ISignatureVerifier
{
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        publicKey.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
}
