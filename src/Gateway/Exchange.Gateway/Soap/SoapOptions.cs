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

    /// <summary>
    /// How old the time in a new MessageID (a version 1 UUID) may be; older ones are refused with StaleMessageId
    /// ("two days or more", as SMEV says), so a sender with a broken clock or a lost message finds out.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan MaxMessageIdAge { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How far ahead of the gateway's clock the time in a MessageID may be.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxMessageIdSkew { get; set; } = TimeSpan.FromMinutes(5);
}
