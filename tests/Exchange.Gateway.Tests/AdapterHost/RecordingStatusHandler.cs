using Exchange.Adapters.Sdk.Hosting;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Tests.AdapterHost;

public sealed class RecordingStatusHandler(AdapterRecorder recorder) : IExchangeStatusHandler
{
    public Task HandleStatusAsync(ProcessingStatus status, CancellationToken cancellationToken)
    {
        recorder.Statuses.Enqueue(status);
        return Task.CompletedTask;
    }
}
