using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Exchange.Signing.Keys.Internal;

/// <summary>A private key that signs XMLDSig SignatureValues; <see cref="Sign"/> is safe for concurrent use.</summary>
internal interface IPrivateKey : IDisposable
{
    byte[] Sign(ReadOnlySpan<byte> data);

    /// <summary>DER EncryptedPrivateKeyInfo (PKCS#8).</summary>
    byte[] ExportEncryptedPkcs8(string password, PbeParameters protection);

    /// <summary>The key as BouncyCastle wants it for signing certificates and CRLs (rare, so conversion cost is fine).</summary>
    AsymmetricKeyParameter ToBouncyCastle();
}
