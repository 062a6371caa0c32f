namespace Exchange.Signing.Cms;

/// <summary>A detached CMS signature that verified: who signed (to be trusted by the caller's rules) and when they said they did.</summary>
public sealed record VerifiedCmsSignature(byte[] CertificateDer, DateTimeOffset? SigningTime);
