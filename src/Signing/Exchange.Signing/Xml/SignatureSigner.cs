namespace Exchange.Signing.Xml;

/// <summary>Who made a signature and how, as the signature states it.</summary>
/// <param name="CertificateDer">The certificate carried in <c>ds:KeyInfo</c>.</param>
/// <param name="SignatureMethod">The <c>ds:SignatureMethod</c> Algorithm URI as written.</param>
public sealed record SignatureSigner(byte[] CertificateDer, string SignatureMethod);
