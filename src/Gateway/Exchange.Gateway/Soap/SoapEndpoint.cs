using System.Net.Http.Headers;
using System.Xml;
using Exchange.Gateway.Metrics;
using Exchange.Protocol;
using Exchange.Protocol.Envelopes;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Mtom;
using Exchange.Protocol.Xml;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Soap;

/// <summary>
/// Our SOAP 1.1 endpoint. It reads the body into memory (bounded), parses it with the hostile-input loader,
/// dispatches on the body element, and answers with the operation's envelope or an SMEV fault. Keeping the
/// exact received bytes and DOM in our hands is what lets signatures be checked on what was actually sent.
/// Requests come as text/xml (attachments inline, base64) or as MTOM; the answer uses the request's packaging, so a
/// text-encoding client is never sent multipart.
/// </summary>
public sealed class SoapEndpoint(
    IEnumerable<ISoapOperation> operations,
    IOptions<SoapOptions> options,
    GatewayMetrics metrics,
    ILogger<SoapEndpoint> logger)
{
    public const string Path = "/smev/v1.3/ws";

    private readonly Dictionary<(string Namespace, string Element), ISoapOperation> _operations =
        operations.ToDictionary(o => (o.Namespace, o.Name + "Request"));

    public async Task HandleAsync(HttpContext http)
    {
        var context = new SoapCallContext { PreferredWait = PreferHeader.Wait(http.Request.Headers[PreferHeader.Name]) };
        var operationName = "(unparsed)";
        var mtom = MtomReader.IsMtom(http.Request.ContentType);
        (string ContentType, byte[] Body) response;
        try
        {
            RequireSupportedContentType(http.Request.ContentType, mtom);
            var body = await ReadBoundedAsync(http.Request, options.Value.MaxRequestBytes, http.RequestAborted);
            var request = Parse(http.Request.ContentType!, body, mtom);
            var operation = Resolve(request);
            operationName = operation.Name;
            RequireMatchingSoapAction(http.Request.Headers["SOAPAction"].ToString(), operation.Name);
            var answer = await operation.HandleAsync(request, context, http.RequestAborted);
            response = Package(answer, mtom);
            http.Response.StatusCode = StatusCodes.Status200OK;
            if (context.AppliedWait is { } wait)
            {
                http.Response.Headers[PreferHeader.AppliedName] = PreferHeader.Applied(wait);
            }
        }
        catch (SmevFaultException e)
        {
            Log.Refused(logger, operationName, context.Caller, context.MessageId, e.Fault.Code, e.Fault.Description);
            metrics.FaultAnswered(e.Fault.Code);
            response = Package(SoapEnvelopeWriter.WriteFault(e.Fault), [], mtom);
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
        catch (Exception e) when (e is BadHttpRequestException or Microsoft.AspNetCore.Connections.ConnectionResetException)
        {
            // The client went away or sent a broken body mid-request: nothing was processed, nobody to answer.
            Log.ClientAborted(logger, operationName, e.Message);
            return;
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            Log.OperationFailed(logger, e, operationName, context.Caller, context.MessageId);
            metrics.FaultAnswered(FaultCodes.InternalFailure);
            response = Package(SoapEnvelopeWriter.WriteFault(SmevFault.Failure(
                "The gateway failed while processing the request. Retry later with the same MessageID: a message already accepted is answered again, not stored twice.")),
                [], mtom);
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }

        http.Response.ContentType = response.ContentType;
        http.Response.ContentLength = response.Body.Length;
        await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
    }

    private SoapRequest Parse(string contentType, ReadOnlyMemory<byte> body, bool mtom)
    {
        var limits = new XmlLimits { MaxBytes = options.Value.MaxRequestBytes, MaxDepth = options.Value.MaxXmlDepth };
        return mtom
            ? SoapRequest.Parse(MtomReader.Read(contentType, body, new MtomLimits { MaxParts = options.Value.MaxMtomParts }), limits)
            : SoapRequest.Parse(body, limits);
    }

    /// <summary>The answer envelope; for an MTOM caller, with the attachment contents moved into binary parts.</summary>
    private static (string ContentType, byte[] Body) Package(XmlElement answer, bool mtom)
    {
        // Only the gateway's own content list (beside the signed Request/Response) becomes parts: anything of that name
        // deeper down came from a sender, inside signed data, and must reach the recipient as it was signed.
        var parts = mtom
            ? answer.ChildElements()
                .Where(e => e.NamespaceURI == SmevNamespaces.Types && e.LocalName is "RequestMessage" or "ResponseMessage")
                .SelectMany(MtomWriter.ExtractParts).ToList()
            : [];
        return Package(SoapEnvelopeWriter.Write(answer), parts, mtom);
    }

    private static (string ContentType, byte[] Body) Package(byte[] envelope, IReadOnlyList<(string ContentId, byte[] Content)> parts, bool mtom) =>
        mtom ? MtomWriter.Package(envelope, parts) : ("text/xml; charset=utf-8", envelope);

    private ISoapOperation Resolve(SoapRequest request)
    {
        var element = request.Operation;
        if (_operations.TryGetValue((element.NamespaceURI, element.LocalName), out var operation))
        {
            return operation;
        }
        throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.UnknownOperation,
            $"'{{{element.NamespaceURI}}}{element.LocalName}' is not an operation of this endpoint; it serves " +
            string.Join(", ", _operations.Keys.Where(k => k.Namespace == SmevNamespaces.Types).Select(k => k.Element).Order(StringComparer.Ordinal)) +
            $" in {SmevNamespaces.Types}" +
            string.Concat(_operations.Keys.Where(k => k.Namespace != SmevNamespaces.Types).Select(k => $", {k.Element} in {k.Namespace}")) + "."));
    }

    private static void RequireSupportedContentType(string? contentType, bool mtom)
    {
        if (mtom || (MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType is "text/xml"))
        {
            return;
        }
        throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.UnsupportedContentType,
            $"Content-Type '{contentType}' is not SOAP 1.1; send text/xml, or multipart/related (MTOM) with attachments."));
    }

    private static void RequireMatchingSoapAction(string header, string operation)
    {
        var action = header.Trim().Trim('"');
        // SOAP 1.1 lets a client leave SOAPAction empty; when it says something it must name this operation.
        if (action.Length > 0 && action != $"urn:{operation}")
        {
            throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.SoapActionMismatch,
                $"SOAPAction '{action}' does not match the body's operation {operation} (expected 'urn:{operation}')."));
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBoundedAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(request.ContentLength.Value, maxBytes);
        }
        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 16 * 1024);
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(buffer.Length + read, maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static SmevFaultException TooLarge(long size, long maxBytes) =>
        new(SmevFault.InvalidContent(FaultCodes.BodyTooLarge,
            $"The request body has at least {size} bytes; at most {maxBytes} are accepted."));
}
