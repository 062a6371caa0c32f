using Exchange.Adapters.Sdk.Attachments;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;
using Exchange.Protocol.Xml;

namespace Exchange.Adapters.Sdk.Outbox;

/// <summary>
/// A message as the outbox stores it: everything its SendRequest or SendResponse needs, so the call can be made again
/// after a crash with the same MessageID and the same content.
/// </summary>
/// <param name="To">A response's or rejection's addressee (the request's ReplyTo); a request's named recipient, if any.</param>
/// <param name="Content">The business document as standalone XML; null for a rejection.</param>
internal sealed record OutboxEntry(Guid MessageId, OutboxEntryKind Kind, string? To, string? Content)
{
    private static readonly XmlLimits StoredLimits = XmlLimits.Default with { MaxBytes = 64 * 1024 * 1024 };

    public string? Territory { get; init; }
    public Guid? ReferenceMessageId { get; init; }
    public string? TransactionCode { get; init; }
    public bool IsTest { get; init; }
    public DateTimeOffset? EndOfLife { get; init; }
    public string? RejectionCode { get; init; }
    public string? RejectionDescription { get; init; }

    /// <summary>The files, without signing keys (the outbox refuses those).</summary>
    public IReadOnlyList<OutgoingAttachment> Attachments { get; init; } = [];

    /// <summary>Attempts made before this one.</summary>
    public int Attempts { get; init; }

    public Task<MessageMetadata> SendAsync(ExchangeClient client, CancellationToken cancellationToken) => Kind switch
    {
        OutboxEntryKind.Request => client.SendRequestAsync(Document(),
            new SendOptions(MessageId, ReferenceMessageId, TransactionCode, IsTest, EndOfLife: EndOfLife, To: To, Territory: Territory,
                Attachments: Attachments), cancellationToken),
        OutboxEntryKind.Response => client.SendResponseAsync(To!, Document(), new ResponseOptions(MessageId, Attachments), cancellationToken),
        _ => client.RejectRequestAsync(To!, RejectionCode!, RejectionDescription!, MessageId, cancellationToken),
    };

    /// <summary>
    /// Why the stored document would not read back (e.g. a control character, which XML writes as <c>&amp;#x1;</c> but no
    /// parser accepts); null when it reads. Such an entry could never be sent, so it is refused or failed, not retried.
    /// </summary>
    public string? Unreadable()
    {
        if (Content is null)
        {
            return null;
        }
        try
        {
            Document();
            return null;
        }
        catch (SmevFaultException e)
        {
            return e.Message;
        }
    }

    // Read as any XML from outside: the outbox's table is only as trustworthy as the database it lives in.
    private System.Xml.XmlElement Document() => SafeXmlLoader.Load(Content!, StoredLimits).DocumentElement!;
}
