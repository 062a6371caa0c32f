using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Hosting;

namespace Exchange.Gateway.Tests.AdapterHost;

public sealed class RecordingMessageHandler(AdapterRecorder recorder) : IExchangeMessageHandler
{
    public Task HandleRequestAsync(ReceivedRequest request, CancellationToken cancellationToken)
    {
        recorder.Requests.Enqueue(request);
        return recorder.OnRequest(request, cancellationToken);
    }

    public Task HandleResponseAsync(ReceivedResponse response, CancellationToken cancellationToken)
    {
        recorder.Responses.Enqueue(response);
        return Task.CompletedTask;
    }
}
