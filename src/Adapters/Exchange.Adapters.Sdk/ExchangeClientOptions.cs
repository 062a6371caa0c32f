using System.ComponentModel.DataAnnotations;

namespace Exchange.Adapters.Sdk;

/// <summary>Section <c>Exchange:Client</c>: where the gateway is and which certificate this system signs with.</summary>
public sealed class ExchangeClientOptions
{
    public const string Section = "Exchange:Client";

    /// <summary>The gateway's SOAP endpoint, e.g. <c>http://127.0.0.1:58080/smev/v1.3/ws</c>.</summary>
    [Required]
    public Uri? Endpoint { get; set; }

    /// <summary>PKCS#12 file with this information system's certificate and private key.</summary>
    [Required]
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
