using System.Data.Common;
using System.Xml;
using Exchange.Adapters.Sdk.Attachments;
using Exchange.Adapters.Sdk.Hosting;
using Exchange.Protocol;
using Exchange.Protocol.Xml;

namespace Exchange.Adapters.Sdk.Outbox;

/// <summary>
/// Stores what the EDMS decided to send, with the MessageID it will go under, and wakes the sender. Keys cannot be
/// stored, so options carrying one are refused rather than sent unsigned.
/// </summary>
internal sealed class DurableExchangeOutbox(OutboxStore store, OutboxSignal signal, TimeProvider time) : IExchangeOutbox
{
    public Task<Guid> EnqueueRequestAsync(XmlElement businessContent, SendOptions? options = null, DbTransaction? transaction = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(businessContent);
        options ??= new SendOptions();
        RefuseKey(options.PersonalKey, nameof(options));
        return EnqueueAsync(new OutboxEntry(options.MessageId ?? NewMessageId(), OutboxEntryKind.Request, options.To, businessContent.ToStandaloneXml())
        {
            Territory = options.Territory,
            ReferenceMessageId = options.ReferenceMessageId,
            TransactionCode = options.TransactionCode,
            IsTest = options.IsTest,
            EndOfLife = options.EndOfLife,
            Attachments = Storable(options.Attachments, nameof(options)),
        }, transaction, cancellationToken);
    }

    public Task<Guid> EnqueueResponseAsync(string to, XmlElement businessContent, ResponseOptions? options = null, DbTransaction? transaction = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentNullException.ThrowIfNull(businessContent);
        options ??= new ResponseOptions();
        RefuseKey(options.PersonalKey, nameof(options));
        return EnqueueAsync(new OutboxEntry(options.MessageId ?? NewMessageId(), OutboxEntryKind.Response, to, businessContent.ToStandaloneXml())
        {
            Attachments = Storable(options.Attachments, nameof(options)),
        }, transaction, cancellationToken);
    }

    public Task<Guid> EnqueueRejectionAsync(string to, string code, string description, DbTransaction? transaction = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(description);
        return EnqueueAsync(new OutboxEntry(NewMessageId(), OutboxEntryKind.Rejection, to, Content: null)
        {
            RejectionCode = code,
            RejectionDescription = description,
        }, transaction, cancellationToken);
    }

    private async Task<Guid> EnqueueAsync(OutboxEntry entry, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (entry.ReadDocument().Problem is { } problem)
        {
            throw new ArgumentException($"The business document would not read back as XML, so it could never be sent: {problem}", "businessContent");
        }
        await store.AddAsync(entry, time.GetUtcNow(), transaction, cancellationToken);
        // On the EDMS's transaction the entry is not visible until the EDMS commits: the sender looks again shortly after a wake-up.
        signal.Notify();
        return entry.MessageId;
    }

    private Guid NewMessageId() => MessageIds.NewVersion1(time.GetUtcNow());

    private static void RefuseKey(Signing.Keys.SigningKey? personalKey, string parameter)
    {
        if (personalKey is not null)
        {
            throw new ArgumentException(
                "The outbox cannot store a PersonalKey, and a personal signature made now would differ on every resend. "
                + "Send a message that needs an officer's signature with ExchangeClient directly, resending with the same MessageId after a lost answer.",
                parameter);
        }
    }

    private static List<OutgoingAttachment> Storable(IReadOnlyList<OutgoingAttachment>? attachments, string parameter)
    {
        if (attachments?.FirstOrDefault(a => a.SignWith is not null) is { } signed)
        {
            throw new ArgumentException(
                $"The outbox cannot store attachment '{signed.ContentId}''s SignWith key, and a signature made now would differ on every resend. "
                + "Send files that need a SignaturePKCS7 with ExchangeClient directly, resending with the same MessageId after a lost answer.",
                parameter);
        }
        return [.. attachments ?? []];
    }
}
