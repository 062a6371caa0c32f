namespace Exchange.Gateway.Tests.Attachments;

/// <summary>Records the media type of every request and answer that passes, so a test can see how the SDK and the gateway packaged them.</summary>
public sealed class MediaTypeRecorder() : DelegatingHandler(new Conformance.ConformanceCheckingHandler())
{
    public List<(string Request, string Answer)> Calls { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        Calls.Add((request.Content!.Headers.ContentType!.MediaType!, response.Content.Headers.ContentType!.MediaType!));
        return response;
    }
}
