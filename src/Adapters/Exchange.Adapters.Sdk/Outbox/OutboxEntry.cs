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

    /// <summary>
    /// The stored business document read back (null for a rejection), or why it cannot be (e.g. a control character,
    /// which XML writes as <c>&amp;#x1;</c> but no parser accepts). Such an entry could never be sent, so it is refused
    /// or failed, not retried. Read as any XML from outside: the table is only as trustworthy as its database.
    /// </summary>
    public (System.Xml.XmlElement? Document, string? Problem) ReadDocument()
    {
        if (Content is null)
        {
            return (null, null);
        }
        try
        {
            return (SafeXmlLoader.Load(Content, StoredLimits).DocumentElement!, null);
        }
        catch (SmevFaultException e)
        {
            return (null, e.Message);
        }
    }

    /// <param name="document">What <see cref="ReadDocument"/> read, once for all the attempts.</param>
    public Task<MessageMetadata> SendAsync(ExchangeClient client, System.Xml.XmlElement? document, CancellationToken cancellationToken) => Kind switch
    {
        OutboxEntryKind.Request => client.SendRequestAsync(document!,
            new SendOptions(MessageId, ReferenceMessageId, TransactionCode, IsTest, EndOfLife: EndOfLife, To: To, Territory: Territory,
                Attachments: Attachments), cancellationToken),
        OutboxEntryKind.Response => client.SendResponseAsync(To!, document!, new ResponseOptions(MessageId, Attachments), cancellationToken),
        _ => client.RejectRequestAsync(To!, RejectionCode!, RejectionDescription!, MessageId, cancellationToken),
    };
}
