using Org.BouncyCastle.X509;

namespace Exchange.Signing.Certificates;

/// <summary>
/// The certificates the region trusts (its CA, and any intermediate CAs) and the CRLs they publish.
/// </summary>
public sealed class TrustStore
{
    public TrustStore(IEnumerable<byte[]> certificates, IEnumerable<byte[]> crls, bool requireCrl)
    {
        var parser = new X509CertificateParser();
        Certificates = certificates.Select(der => parser.ReadCertificate(der)).ToList();
        var crlParser = new X509CrlParser();
        Crls = crls.Select(der => crlParser.ReadCrl(der)).ToList();
        RequireCrl = requireCrl;
    }

    public IReadOnlyList<X509Certificate> Certificates { get; }

    public IReadOnlyList<X509Crl> Crls { get; }

    /// <summary>When true, a certificate whose issuer has no current CRL here is refused (fail closed).</summary>
    public bool RequireCrl { get; }

    /// <summary>Reads DER or PEM certificate and CRL files.</summary>
    public static TrustStore FromFiles(IEnumerable<string> certificateFiles, IEnumerable<string> crlFiles, bool requireCrl) =>
        new(certificateFiles.SelectMany(Pem.ReadAll), crlFiles.SelectMany(Pem.ReadAll), requireCrl);
}
