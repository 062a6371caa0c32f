using System.Security.Cryptography;

namespace Exchange.Signing.Keys.Internal;

/// <summary>RSA through .NET (OpenSSL underneath), many times faster than BouncyCastle's managed RSA.</summary>
internal sealed class RsaVerifier(RSA publicKey) : ISignatureVerifier
{
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        publicKey.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
}
