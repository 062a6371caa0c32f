using System.Xml;
using Exchange.Protocol;
using Exchange.Protocol.Xml;
using Exchange.Signing.Certificates;
using Exchange.Signing.Xml;

namespace Exchange.Adapters.Sdk;

/// <summary>
/// Who wrote a received message, as its sender's own signature proves it: SMEV's <c>SenderInformationSystemSignature</c>
/// over <c>SenderProvidedRequestData</c> / <c>SenderProvidedResponseData</c>, verified by the SDK over the data as
/// delivered and its certificate checked against the client's trusted CAs. Unlike <c>MessageMetadata.Sender</c>, this
/// does not rest on the gateway's word.
/// </summary>
/// <remarks>
/// A message whose authorship is not proven is still handed out (so it can be answered with a rejection and
/// acknowledged), but it never looks proven: <see cref="Signer"/> is null and <see cref="Problem"/> says why. Decide
/// before acting on it, e.g. <c>if (!received.Authorship.IsProven) reject</c>. Proven means a certificate the trusted
/// CAs issued signed exactly this data; which participant holds that certificate is for the caller to check: compare
/// <see cref="Signer"/>'s thumbprint with the ones the directory lists for the expected sender's system.
/// </remarks>
public sealed class Authorship
{
    private Authorship(AuthorshipStatus status, MessageSigner? signer, string? problem)
    {
        Status = status;
        Signer = signer;
        Problem = problem;
    }

    public AuthorshipStatus Status { get; }

    /// <summary>True only when the sender's signature verifies and its certificate is trusted.</summary>
    public bool IsProven => Status == AuthorshipStatus.Proven;

    /// <summary>Who signed the data; null unless <see cref="IsProven"/>.</summary>
    public MessageSigner? Signer { get; }

    /// <summary>Why authorship is not proven; null when it is.</summary>
    public string? Problem { get; }

    /// <summary>Checks the sender's signature that <paramref name="delivered"/> (Request or Response) carries over <paramref name="data"/>.</summary>
    internal static Authorship Check(XmlElement delivered, XmlElement data, CertificateValidator trust, DateTimeOffset now)
    {
        if (delivered.OptionalChild(SmevNamespaces.Types, "SenderInformationSystemSignature") is not { } holder)
        {
            return new Authorship(AuthorshipStatus.Unsigned, null, $"The message carries no SenderInformationSystemSignature over {data.LocalName}.");
        }
        VerifiedSignature verified;
        try
        {
            verified = XmlSignatureVerifier.Verify(holder, data);
        }
        catch (SignatureException refusal)
        {
            return new Authorship(AuthorshipStatus.Invalid, null, $"{refusal.Error}: {refusal.Message}");
        }
        try
        {
            trust.Validate(verified.CertificateDer, now);
        }
        catch (SignatureException refusal)
        {
            return new Authorship(AuthorshipStatus.Untrusted, null, $"{refusal.Error}: {refusal.Message}");
        }
        return new Authorship(AuthorshipStatus.Proven, MessageSigner.FromCertificate(verified.CertificateDer), null);
    }
}
