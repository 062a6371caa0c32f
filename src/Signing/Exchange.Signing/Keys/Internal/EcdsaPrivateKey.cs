using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;

namespace Exchange.Signing.Keys.Internal;

/// <summary>ECDSA P-256 through .NET; XMLDSig wants r || s (IEEE P1363), not DER.</summary>
internal sealed class EcdsaPrivateKey(ECDsa key) : IPrivateKey
{
    public byte[] Sign(ReadOnlySpan<byte> data) =>
        key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public byte[] ExportEncryptedPkcs8(string password, PbeParameters protection) =>
        key.ExportEncryptedPkcs8PrivateKey(password, protection);

    public AsymmetricKeyParameter ToBouncyCastle() => PrivateKeyFactory.CreateKey(key.ExportPkcs8PrivateKey());

    public void Dispose() => key.Dispose();
}
