using Exchange.Signing.Keys;

namespace Exchange.Signing.Xml;

/// <summary>A signature that verified: who signed (the certificate), how, and over what.</summary>
/// <param name="CertificateDer">The signer's certificate as carried in ds:KeyInfo; its trust is checked separately.</param>
/// <param name="ContentDigest">
/// The digest of the signed element after its transforms, checked against the content: equal for two signatures only
/// when they cover the same content, however the XML around it was spelled.
/// </param>
public sealed record VerifiedSignature(byte[] CertificateDer, VerificationKey Key, string SignatureUri, bool SmevTransform, byte[] ContentDigest);
