namespace Exchange.Signing.Algorithms;

/// <summary>
/// XMLDSig algorithm URIs. The GOST 2012 constants are the CryptoPro URN forms SMEV itself signs with; those are what
/// we emit. The W3C "xmldsig-more" spellings of the same algorithms appear in other libraries and are accepted on input
/// through <see cref="Canonical"/>. GOST R 34.10-2001 / 34.11-94 are kept so old signatures still verify; nothing new is
/// signed with them.
/// </summary>
public static class AlgorithmUris
{
    public const string Gost2012_256Signature = "urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34102012-gostr34112012-256";
    public const string Gost2012_512Signature = "urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34102012-gostr34112012-512";
    public const string Gost2012_256Digest = "urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34112012-256";
    public const string Gost2012_512Digest = "urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34112012-512";

    // SMEV accepts 2001 only in the W3C form: it answered the URN form with "requested algorithm does not exist".
    public const string Gost2001Signature = "http://www.w3.org/2001/04/xmldsig-more#gostr34102001-gostr3411";
    public const string Gost94Digest = "http://www.w3.org/2001/04/xmldsig-more#gostr3411";

    public const string RsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public const string EcdsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    public const string Sha256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    private const string XmlDsigMore = "http://www.w3.org/2001/04/xmldsig-more#";

    private static readonly Dictionary<string, string> Accepted = new(StringComparer.Ordinal)
    {
        [Gost2012_256Signature] = Gost2012_256Signature,
        [Gost2012_512Signature] = Gost2012_512Signature,
        [Gost2012_256Digest] = Gost2012_256Digest,
        [Gost2012_512Digest] = Gost2012_512Digest,
        [XmlDsigMore + "gostr34102012-gostr34112012-256"] = Gost2012_256Signature,
        [XmlDsigMore + "gostr34102012-gostr34112012-512"] = Gost2012_512Signature,
        [XmlDsigMore + "gostr34112012-256"] = Gost2012_256Digest,
        [XmlDsigMore + "gostr34112012-512"] = Gost2012_512Digest,
        [Gost2001Signature] = Gost2001Signature,
        [Gost94Digest] = Gost94Digest,
        [RsaSha256] = RsaSha256,
        [EcdsaSha256] = EcdsaSha256,
        [Sha256] = Sha256,
    };

    /// <summary>
    /// The constant of this class that <paramref name="uri"/> names, or null when we do not know it. URIs are compared
    /// ordinally: XMLDSig algorithm identifiers are case-sensitive.
    /// </summary>
    public static string? Canonical(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return Accepted.GetValueOrDefault(uri);
    }
}
