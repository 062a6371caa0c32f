namespace Exchange.Gateway.Storage.Directory;

/// <summary>A certificate that identifies one participant's information system.</summary>
/// <param name="Thumbprint">SHA-256 of the DER encoding, upper-case hex.</param>
public sealed record ParticipantCertificate(string Thumbprint, string Mnemonic, string Subject, DateTimeOffset NotBefore, DateTimeOffset NotAfter);
