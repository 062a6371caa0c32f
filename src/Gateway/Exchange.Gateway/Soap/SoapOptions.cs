using System.ComponentModel.DataAnnotations;

namespace Exchange.Gateway.Soap;

/// <summary>Section <c>Exchange:Soap</c>: limits on what the SOAP endpoint accepts.</summary>
public sealed class SoapOptions : IValidatableObject
{
    public const string Section = "Exchange:Soap";

    /// <summary>
    /// Largest request body, in bytes; larger ones are refused with a fault before they are parsed. The default leaves
    /// room for <see cref="MaxTotalAttachmentBytes"/> sent inline as base64 (a third larger) plus the envelope.
    /// </summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxRequestBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Largest total size of one message's attachments, in bytes (5 MiB, the reference client's limit for sending in the message).</summary>
    [Range(0, 256L * 1024 * 1024)]
    public long MaxTotalAttachmentBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Attachment bytes one sender may have accepted in any 24 hours, in bytes.</summary>
    [Range(0, long.MaxValue)]
    public long AttachmentQuotaBytesPerDay { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Most MIME parts in an MTOM request, the envelope included.</summary>
    [Range(1, 10_000)]
    public int MaxMtomParts { get; set; } = 101;

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

    /// <summary>
    /// How far, either way, the signed Timestamp of a call without a MessageID (GetRequest, GetResponse, GetStatus) may
    /// be from the gateway's clock. Such a call is answered once: the replay cache remembers it for as long as its
    /// Timestamp stays in this window, so a captured call can be neither replayed now nor kept for later.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attachments that are allowed must also fit in a request when they are sent inline.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var inline = (MaxTotalAttachmentBytes + 2) / 3 * 4 + EnvelopeAllowance;
        if (MaxRequestBytes < inline)
        {
            yield return new ValidationResult(
                $"{Section}:MaxRequestBytes ({MaxRequestBytes}) must be at least {inline}: {Section}:MaxTotalAttachmentBytes " +
                $"({MaxTotalAttachmentBytes}) as base64 plus {EnvelopeAllowance} bytes of envelope.",
                [nameof(MaxRequestBytes), nameof(MaxTotalAttachmentBytes)]);
        }
    }

    private const long EnvelopeAllowance = 64 * 1024;
}
