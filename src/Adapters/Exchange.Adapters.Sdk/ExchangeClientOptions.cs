using System.ComponentModel.DataAnnotations;

namespace Exchange.Adapters.Sdk;

/// <summary>Section <c>Exchange:Client</c>: where the gateway is, this system's key, and whom the gateway's signature must chain to.</summary>
public sealed class ExchangeClientOptions
{
    public const string Section = "Exchange:Client";

    /// <summary>The gateway's SOAP endpoint, e.g. <c>http://127.0.0.1:58080/smev/v1.3/ws</c>.</summary>
    [Required]
    public Uri? Endpoint { get; set; }

    /// <summary>PKCS#12 file with this information system's certificate and private key (ЭП-ОВ).</summary>
    [Required]
    public string? KeyFile { get; set; }

    public string? KeyPassword { get; set; }

    /// <summary>
    /// CA certificates (DER or PEM files) the gateway's certificate must chain to, and senders' and attachment signers'
    /// too. At least one: without it any key could sign as the gateway, so the client refuses to start.
    /// </summary>
    [MinLength(1, ErrorMessage = "Exchange:Client:GatewayTrustedCertificates must name at least one CA certificate file: without it any key could sign as the gateway.")]
    public string[] GatewayTrustedCertificates { get; set; } = [];

    /// <summary>CRLs of those CAs.</summary>
    public string[] GatewayCrls { get; set; } = [];

    /// <summary>Send attachments as MTOM binary parts instead of inline base64 (a third smaller on the wire).</summary>
    public bool UseMtom { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
