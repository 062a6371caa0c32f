namespace Exchange.Gateway.Tests.AdapterOutbox;

/// <summary>Counts the SendRequest and SendResponse calls that pass it (all of them checked for conformance on the way).</summary>
public sealed class SendCounter() : DelegatingHandler(new Conformance.ConformanceCheckingHandler())
{
    private int _sends;

    public int Sends => Volatile.Read(ref _sends);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.TryGetValues("SOAPAction", out var actions) && actions.Single() is "\"urn:SendRequest\"" or "\"urn:SendResponse\"")
        {
            Interlocked.Increment(ref _sends);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
