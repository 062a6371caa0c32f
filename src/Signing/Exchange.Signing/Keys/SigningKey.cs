using System.Security.Cryptography;
using Exchange.Signing.Algorithms;
using Exchange.Signing.Keys.Internal;
using Org.BouncyCastle.Crypto;

namespace Exchange.Signing.Keys;

/// <summary>
/// A certificate with its private key, signing XMLDSig SignatureValues. GOST 2012 keys are held by BouncyCastle, RSA and
/// ECDSA keys by .NET. <see cref="Sign"/> is safe for concurrent use. GOST R 34.10-2001 keys are refused: we only verify
/// old 2001 signatures, never make new ones.
/// </summary>
public sealed class SigningKey : IDisposable
{
    private static readonly byte[] PairingProbe = "Exchange key pairing check"u8.ToArray();

    private readonly byte[] _certificateDer;
    private readonly IPrivateKey _privateKey;
    private volatile bool _disposed;

    internal SigningKey(KeyAlgorithm algorithm, byte[] certificateDer, IPrivateKey privateKey)
    {
        EnsureCanSign(algorithm);
        Algorithm = algorithm;
        _certificateDer = certificateDer;
        _privateKey = privateKey;
    }

    public KeyAlgorithm Algorithm { get; }

    /// <summary>The SignatureMethod URI to emit with this key's signatures.</summary>
    public string SignatureUri => Algorithm.SignatureUri();

    /// <summary>The DigestMethod URI that goes with <see cref="SignatureUri"/>.</summary>
    public string DigestUri => Algorithm.DigestUri();

    /// <summary>The certificate, DER; a copy, so callers cannot change the key's own.</summary>
    public byte[] CertificateDer => (byte[])_certificateDer.Clone();

    /// <summary>The SignatureValue bytes for <paramref name="data"/> (for XMLDSig: the canonical SignedInfo).</summary>
    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _privateKey.Sign(data);
    }

    /// <exception cref="CryptographicException">Wrong password, a damaged file, not exactly one key, a key that does not
    /// match its certificate, or a key we cannot sign with.</exception>
    public static SigningKey FromPkcs12(ReadOnlySpan<byte> pkcs12, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var (algorithm, certificateDer, privateKey) = Pkcs12Archive.Read(pkcs12.ToArray(), password);
        return Paired(algorithm, certificateDer, privateKey);
    }

    /// <summary>A PEM certificate and its PEM PKCS#8 private key, encrypted (give the password) or not.</summary>
    /// <exception cref="CryptographicException">See <see cref="FromPkcs12"/>.</exception>
    public static SigningKey FromPem(string certificatePem, string pkcs8PrivateKeyPem, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(certificatePem);
        ArgumentNullException.ThrowIfNull(pkcs8PrivateKeyPem);
        var (algorithm, certificateDer, privateKey) = Pkcs8Pem.Read(certificatePem, pkcs8PrivateKeyPem, password);
        return Paired(algorithm, certificateDer, privateKey);
    }

    /// <summary>A PKCS#12 file (PBES2 AES-256, SHA-256 MAC) that <see cref="FromPkcs12"/>, OpenSSL and .NET read back.</summary>
    public byte[] ExportPkcs12(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Pkcs12Archive.Write(_certificateDer, _privateKey.ExportEncryptedPkcs8(password, KeyFileProtection.Pbe), password);
    }

    /// <summary>The private key as an "ENCRYPTED PRIVATE KEY" PEM (PKCS#8, PBES2 AES-256).</summary>
    public string ExportPkcs8Pem(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return PemEncoding.WriteString(Pkcs8Pem.EncryptedLabel, _privateKey.ExportEncryptedPkcs8(password, KeyFileProtection.Pbe));
    }

    public void Dispose()
    {
        _disposed = true;
        _privateKey.Dispose();
    }

    internal ReadOnlySpan<byte> Certificate => _certificateDer;

    internal AsymmetricKeyParameter ToBouncyCastle()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _privateKey.ToBouncyCastle();
    }

    internal static void EnsureCanSign(KeyAlgorithm algorithm)
    {
        if (algorithm == KeyAlgorithm.Gost2001)
        {
            throw new CryptographicException(
                "GOST R 34.10-2001 keys cannot sign here: the algorithm is withdrawn and kept only to verify old signatures.");
        }
    }

    // Key files are outside input: a key that does not belong to its certificate would sign messages nobody can
    // verify, so the pairing is proved once, at load, by a signature the certificate must accept.
    private static SigningKey Paired(KeyAlgorithm algorithm, byte[] certificateDer, IPrivateKey privateKey)
    {
        var key = new SigningKey(algorithm, certificateDer, privateKey);
        var paired = false;
        try
        {
            paired = VerificationKey.FromCertificate(certificateDer).Verify(key.SignatureUri, PairingProbe, key.Sign(PairingProbe));
        }
        finally
        {
            if (!paired)
            {
                key.Dispose();
            }
        }
        return paired ? key : throw new CryptographicException("The private key does not belong to the certificate.");
    }
}
