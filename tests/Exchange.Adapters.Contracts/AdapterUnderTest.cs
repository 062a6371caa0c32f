using System.Xml;
using Exchange.Adapters.Sdk;

namespace Exchange.Adapters.Contracts;

/// <summary>
/// The adapter the suite tests, running against the <see cref="ContractGateway"/>: what the EDMS does when a clerk
/// acts, and what its own store holds. The suite never reads the adapter's store but through these.
/// </summary>
public abstract class AdapterUnderTest : IAsyncDisposable
{
    /// <summary>Starts receiving (and sending from its outbox); the suite starts each adapter once, and disposing stops it.</summary>
    public abstract Task StartAsync(CancellationToken cancellationToken);

    /// <summary>A request of a type the adapter accepts, as the counterpart writes it, mentioning <paramref name="text"/>.</summary>
    public abstract XmlElement RequestFromCounterpart(string text);

    /// <summary>A response the counterpart answers the adapter's <paramref name="request"/> with.</summary>
    public abstract XmlElement ResponseFromCounterpart(ReceivedRequest request);

    /// <summary>
    /// The EDMS decides to send a request mentioning <paramref name="text"/> to the counterpart, with <paramref name="files"/>;
    /// returns the MessageID it will go with. The adapter writes the document: the suite gives only the text.
    /// </summary>
    public abstract Task<Guid> DecideToSendRequestAsync(string text, IReadOnlyList<ContractFile> files, CancellationToken cancellationToken);

    /// <summary>The EDMS answers the request it received as <paramref name="requestId"/>; returns the answer's MessageID.</summary>
    public abstract Task<Guid> AnswerAsync(Guid requestId, string text, IReadOnlyList<ContractFile> files, CancellationToken cancellationToken);

    /// <summary>How many times the EDMS's store holds the message received as <paramref name="messageId"/>.</summary>
    public abstract Task<int> TimesStoredAsync(Guid messageId, CancellationToken cancellationToken);

    /// <summary>The files the EDMS stored with the message received as <paramref name="messageId"/>.</summary>
    public abstract Task<IReadOnlyList<ContractFile>> StoredFilesAsync(Guid messageId, CancellationToken cancellationToken);

    /// <summary>The responses the EDMS stored for the request it sent as <paramref name="requestId"/>.</summary>
    public abstract Task<IReadOnlyList<SeenResponse>> ResponsesSeenAsync(Guid requestId, CancellationToken cancellationToken);

    /// <summary>Whether the adapter reads its status stream; the status test is skipped, and says so, when not.</summary>
    public virtual bool ReadsStatusStream => true;

    /// <summary>The status categories (<c>messageIsDelivered</c>, ...) the adapter was handed for its message <paramref name="messageId"/>.</summary>
    public virtual Task<IReadOnlyList<string>> StatusesSeenAsync(Guid messageId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public abstract ValueTask DisposeAsync();
}
