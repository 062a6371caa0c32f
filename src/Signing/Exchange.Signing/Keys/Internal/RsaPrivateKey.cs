using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;

namespace Exchange.Signing.Keys.Internal;

/// <summary>RSA through .NET: several times faster than BouncyCastle for both signing and verifying.</summary>
internal sealed class RsaPrivateKey(RSA key) : IPrivateKey
{
    public byte[] Sign(ReadOnlySpan<byte> data) =>
        key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public byte[] ExportEncryptedPkcs8(string password, PbeParameters protection) =>
        key.ExportEncryptedPkcs8PrivateKey(password, protection);

    public AsymmetricKeyParameter ToBouncyCastle() => PrivateKeyFactory.CreateKey(key.ExportPkcs8PrivateKey());

    public void Dispose() => key.Dispose();
}
