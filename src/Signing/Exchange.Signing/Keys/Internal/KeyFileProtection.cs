using System.Security.Cryptography;

namespace Exchange.Signing.Keys.Internal;

/// <summary>
/// How exported key files are protected: PBES2 with AES-256-CBC and PBKDF2-HMAC-SHA256, the scheme OpenSSL 3 also
/// writes by default. 100 000 iterations: a brute force pays that per guess, while a legitimate load costs tens of
/// milliseconds, once at start-up. The PKCS#12 MAC uses the same count, because a cheaper MAC would be the cheaper way
/// to test guesses.
/// </summary>
internal static class KeyFileProtection
{
    public const int Iterations = 100_000;

    public static PbeParameters Pbe { get; } = new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, Iterations);
}
