using Exchange.Adapters.Edms.Domain;
using Exchange.Adapters.Edms.Storage;
using Exchange.Adapters.Sdk.Hosting;
using Exchange.Protocol.Messages;

namespace Exchange.Adapters.Edms.Messaging;

/// <summary>
/// Keeps each event of the status stream by the MessageID it is about, so an outgoing document shows whether it was
/// queued, delivered or refused. An event is handed out once, so it is stored before this returns.
/// </summary>
public sealed class EdmsStatusHandler(DeliveryStatusStore statuses, TimeProvider time) : IExchangeStatusHandler
{
    public Task HandleStatusAsync(ProcessingStatus status, CancellationToken cancellationToken) =>
        statuses.AppendAsync(status.OriginalMessageId, new DeliveryStatus(status.StatusCategory, status.Details, time.GetUtcNow()), cancellationToken);
}
