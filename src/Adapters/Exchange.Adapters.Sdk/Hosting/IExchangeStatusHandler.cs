using Exchange.Protocol.Messages;

namespace Exchange.Adapters.Sdk.Hosting;

/// <summary>
/// Receives this system's status stream (what became of the messages it sent), one event at a time, in the order the
/// gateway hands them out. An event is handed out once: the host reads the next only after this returned.
/// </summary>
public interface IExchangeStatusHandler
{
    Task HandleStatusAsync(ProcessingStatus status, CancellationToken cancellationToken);
}
