using Exchange.Signing.Keys;

namespace Exchange.Signing.Xml;

/// <summary>A signature that verified: who signed (the certificate) and how.</summary>
/// <param name="CertificateDer">The signer's certificate as carried in ds:KeyInfo; its trust is checked separately.</param>
public sealed record VerifiedSignature(byte[] CertificateDer, VerificationKey Key, string SignatureUri, bool SmevTransform);
