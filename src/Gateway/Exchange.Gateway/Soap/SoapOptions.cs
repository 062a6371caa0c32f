using System.ComponentModel.DataAnnotations;

namespace Exchange.Gateway.Soap;

/// <summary>Section <c>Exchange:Soap</c>: limits on what the SOAP endpoint accepts.</summary>
public sealed class SoapOptions
{
    public const string Section = "Exchange:Soap";

    /// <summary>Largest request body, in bytes; larger ones are refused with a fault before they are parsed.</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Deepest element nesting accepted in a request.</summary>
    [Range(8, 1024)]
    public int MaxXmlDepth { get; set; } = 64;
}
