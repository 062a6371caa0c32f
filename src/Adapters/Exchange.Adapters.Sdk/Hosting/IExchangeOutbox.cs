using System.Data.Common;
using System.Xml;

namespace Exchange.Adapters.Sdk.Hosting;

/// <summary>
/// Where an EDMS puts what it decided to send. An entry is stored durably with its MessageID before this returns and
/// the adapter host sends it afterwards, again after a crash with the same MessageID, so it is sent once. Pass the
/// EDMS's own <c>transaction</c> when the outbox lives in the EDMS's database, so the decision commits or
/// rolls back with the EDMS's own change; null uses a transaction of the outbox's own.
/// </summary>
public interface IExchangeOutbox
{
    /// <returns>The MessageID the request will be sent with.</returns>
    Task<Guid> EnqueueRequestAsync(XmlElement businessContent, SendOptions? options = null, DbTransaction? transaction = null,
        CancellationToken cancellationToken = default);

    /// <returns>The MessageID the response will be sent with.</returns>
    Task<Guid> EnqueueResponseAsync(string to, XmlElement businessContent, ResponseOptions? options = null, DbTransaction? transaction = null,
        CancellationToken cancellationToken = default);

    /// <summary>Queues SMEV's <c>RequestRejected</c> answer to the request at <paramref name="to"/>.</summary>
    /// <returns>The MessageID the rejection will be sent with.</returns>
    Task<Guid> EnqueueRejectionAsync(string to, string code, string description, DbTransaction? transaction = null,
        CancellationToken cancellationToken = default);
}
