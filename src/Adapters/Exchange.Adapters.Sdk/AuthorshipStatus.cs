namespace Exchange.Adapters.Sdk;

/// <summary>What the SDK found when it checked the sender's own signature (SMEV's <c>SenderInformationSystemSignature</c>).</summary>
public enum AuthorshipStatus
{
    /// <summary>
    /// The sender's signature verifies over the data as delivered and its certificate chains to the client's trusted
    /// CAs now: <see cref="Authorship.Signer"/> wrote it, whatever the gateway says.
    /// </summary>
    Proven,

    /// <summary>
    /// No sender's signature came with the message (the gateway accepted it before it kept them): only the gateway's
    /// word, <c>MessageMetadata.Sender</c>, says who sent it.
    /// </summary>
    Unsigned,

    /// <summary>The sender's signature does not verify over the data as delivered: the data was changed after it was signed.</summary>
    Invalid,

    /// <summary>The signature verifies, but its certificate is not trusted now (unknown CA, expired, revoked, no current CRL).</summary>
    Untrusted,
}
