using System.Collections.Concurrent;
using Exchange.Adapters.Sdk;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Tests.AdapterHost;

/// <summary>
/// What a test adapter's handlers were handed, and what they do with it (return by default): shared by the handlers,
/// which the host makes anew for each message.
/// </summary>
public sealed class AdapterRecorder
{
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();
    public ConcurrentQueue<ReceivedResponse> Responses { get; } = new();
    public ConcurrentQueue<ProcessingStatus> Statuses { get; } = new();

    /// <summary>Runs for each request after it is recorded; a throw is the handler's throw.</summary>
    public Func<ReceivedRequest, CancellationToken, Task> OnRequest { get; init; } = (_, _) => Task.CompletedTask;

    public int RequestsOf(Guid messageId) => Requests.Count(r => r.MessageId == messageId);
}
