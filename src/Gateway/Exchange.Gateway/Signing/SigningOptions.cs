using System.ComponentModel.DataAnnotations;

namespace Exchange.Gateway.Signing;

/// <summary>Section <c>Exchange:Signing</c>: the gateway's own key, and whom it trusts.</summary>
public sealed class SigningOptions
{
    public const string Section = "Exchange:Signing";

    /// <summary>PKCS#12 file with the gateway's certificate and private key (GOST R 34.10-2012 in production).</summary>
    [Required]
    public string? KeyFile { get; set; }

    public string? KeyPassword { get; set; }

    /// <summary>CA certificates (DER or PEM) that participants' certificates must chain to.</summary>
    [MinLength(1)]
    public string[] TrustedCertificates { get; set; } = [];

    /// <summary>CRL files (DER or PEM) of those CAs.</summary>
    public string[] Crls { get; set; } = [];

    /// <summary>Refuse certificates whose issuer has no current CRL loaded (fail closed).</summary>
    public bool RequireCrl { get; set; } = true;

    /// <summary>How often the certificate and CRL files are read again (a CA's new CRL takes effect within this).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan TrustRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}
