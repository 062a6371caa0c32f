using System.Net.Http.Headers;

namespace Exchange.Gateway.Tests.Conformance;

/// <summary>
/// Sits between the test clients and the gateway and fails any call whose request or answer envelope does not
/// validate against the official SMEV 1.3 schemas: every conversation of the suite is a conformance test. MTOM
/// messages are checked in the form they stand for, with their parts back in place as base64.
/// </summary>
public sealed class ConformanceCheckingHandler() : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (IsSoap(request.Content?.Headers.ContentType))
        {
            Check("request", request.Content!.Headers.ContentType!, await request.Content!.ReadAsByteArrayAsync(cancellationToken));
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (IsSoap(response.Content.Headers.ContentType))
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            Check("answer", response.Content.Headers.ContentType!, body);
            var replacement = new ByteArrayContent(body);
            foreach (var header in response.Content.Headers)
            {
                replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            response.Content = replacement;
        }
        return response;
    }

    private static bool IsSoap(MediaTypeHeaderValue? type) => type?.MediaType is "text/xml" or "multipart/related";

    private static void Check(string what, MediaTypeHeaderValue type, byte[] body)
    {
        var envelope = type.MediaType == "multipart/related" ? XopInfoset.Reconstruct(type.ToString(), body) : body;
        var violations = OfficialSchemas.Violations(envelope);
        if (violations.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"The {what} envelope does not conform to the official SMEV 1.3 schemas:\n" +
                string.Join("\n", violations) + "\n" + System.Text.Encoding.UTF8.GetString(envelope));
        }
    }
}
