using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Xml;
using Exchange.Adapters.Sdk.Attachments;
using Exchange.Adapters.Sdk.Faults;
using Exchange.Protocol;
using Exchange.Protocol.Messages;
using Exchange.Protocol.Mtom;
using Exchange.Protocol.Xml;
using Exchange.Signing.Certificates;
using Exchange.Signing.Keys;
using Exchange.Signing.Xml;

namespace Exchange.Adapters.Sdk;

/// <summary>
/// An information system's client for the gateway's SMEV 3 (1.3) message exchange: builds and signs the
/// envelopes, posts them, verifies the gateway's signature (<c>SMEVSignature</c>) on what comes back and the sender's
/// own signature on each message received (<see cref="Authorship"/>), and turns answers into objects and faults into
/// <see cref="ExchangeFaultException"/>.
/// </summary>
/// <param name="key">This information system's key and certificate (ЭП-ОВ).</param>
/// <param name="gatewayTrust">
/// Whom the gateway's certificate must chain to (required: a signature by just anyone proves nothing). Senders'
/// signatures (<see cref="Authorship"/>) and attachment signers (<c>SignaturePKCS7</c>) are checked against it too, as
/// the region's participants share one CA.
/// </param>
/// <param name="useMtom">Send attachments as MTOM parts rather than inline base64.</param>
/// <param name="time">
/// The clock that stamps MessageIDs and signed Timestamps and judges certificates; the gateway refuses a call whose
/// Timestamp is minutes away from its own clock. Null is the system clock.
/// </param>
public sealed class ExchangeClient(
    HttpClient http, Uri endpoint, SigningKey key, CertificateValidator gatewayTrust, bool useMtom = false, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private static readonly XmlLimits ResponseLimits = XmlLimits.Default with { MaxBytes = 64 * 1024 * 1024 };

    private readonly CertificateValidator _gatewayTrust = gatewayTrust
        ?? throw new ArgumentNullException(nameof(gatewayTrust), "The client needs the CA certificates the gateway's certificate chains to.");

    /// <summary>Sends a request; the gateway routes it by the business element's qualified name.</summary>
    public async Task<MessageMetadata> SendRequestAsync(XmlElement businessContent, SendOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new SendOptions();
        var envelope = new RequestEnvelope("SendRequestRequest");
        var data = envelope.Add(envelope.Operation, SmevNamespaces.Types, "SenderProvidedRequestData");
        data.SetAttribute("Id", "SIGNED_BY_CONSUMER");
        var messageId = options.MessageId ?? MessageIds.NewVersion1(_time.GetUtcNow());
        envelope.Add(data, SmevNamespaces.Types, "MessageID", messageId.ToString());
        if (options.ReferenceMessageId is { } reference)
        {
            envelope.Add(data, SmevNamespaces.Types, "ReferenceMessageID", reference.ToString());
        }
        if (options.TransactionCode is { } transactionCode)
        {
            envelope.Add(data, SmevNamespaces.Types, "TransactionCode", transactionCode);
        }
        if (options.EndOfLife is { } endOfLife)
        {
            envelope.Add(data, SmevNamespaces.Types, "EOL", XmlConvert.ToString(endOfLife));
        }
        var business = envelope.Import(envelope.Add(data, SmevNamespaces.Basic, "MessagePrimaryContent"), businessContent);
        AddPersonalSignature(envelope, data, business, options.PersonalKey);
        var attachments = options.Attachments ?? [];
        AttachmentWriter.AddHeaders(envelope, data, attachments);
        if (options.IsTest)
        {
            envelope.Add(data, SmevNamespaces.Types, "TestMessage");
        }
        AttachmentWriter.AddContents(envelope, data, attachments);
        envelope.SignAsCaller(data, key);
        if (options.To is not null || options.Territory is not null)
        {
            var (information, holder) = RoutingInstructions.Write(envelope.Operation, messageId, options.To, options.Territory);
            holder.AppendChild(XmlSigner.Sign(information, key));
        }

        return await SendAsync("SendRequest", envelope, cancellationToken);
    }

    /// <summary>Answers a received request with a business document; it goes back to the requester.</summary>
    /// <param name="to">The request's <see cref="ReceivedRequest.ReplyTo"/>.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027", Justification =
        "Shipped with the attachments overload; the options overload added later takes no optional parameters, so no existing call binds differently.")]
    public Task<MessageMetadata> SendResponseAsync(string to, XmlElement businessContent, Guid? messageId = null,
        CancellationToken cancellationToken = default) =>
        SendResponseAsync(to, businessContent, new ResponseOptions(messageId), cancellationToken);

    /// <summary>Answers a received request with a business document and files.</summary>
    /// <param name="to">The request's <see cref="ReceivedRequest.ReplyTo"/>.</param>
    public Task<MessageMetadata> SendResponseAsync(string to, XmlElement businessContent, IReadOnlyList<OutgoingAttachment> attachments,
        Guid? messageId = null, CancellationToken cancellationToken = default) =>
        SendResponseAsync(to, businessContent, new ResponseOptions(messageId, attachments), cancellationToken);

    /// <summary>Answers a received request with a business document and what <paramref name="options"/> add (files, an officer's signature).</summary>
    /// <param name="to">The request's <see cref="ReceivedRequest.ReplyTo"/>.</param>
    public Task<MessageMetadata> SendResponseAsync(string to, XmlElement businessContent, ResponseOptions options,
        CancellationToken cancellationToken) =>
        SendResponseAsync(to, options.MessageId, (envelope, data) =>
        {
            var business = envelope.Import(envelope.Add(data, SmevNamespaces.Basic, "MessagePrimaryContent"), businessContent);
            AddPersonalSignature(envelope, data, business, options.PersonalKey);
            var attachments = options.Attachments ?? [];
            AttachmentWriter.AddHeaders(envelope, data, attachments);
            AttachmentWriter.AddContents(envelope, data, attachments);
        }, cancellationToken);

    /// <summary>Refuses a received request (SMEV's <c>RequestRejected</c>), e.g. with code NO_DATA.</summary>
    public Task<MessageMetadata> RejectRequestAsync(string to, string code, string description, Guid? messageId = null,
        CancellationToken cancellationToken = default) =>
        SendResponseAsync(to, messageId, (envelope, data) =>
        {
            var rejected = envelope.Add(data, SmevNamespaces.Types, "RequestRejected");
            envelope.Add(rejected, SmevNamespaces.Types, "RejectionReasonCode", code);
            envelope.Add(rejected, SmevNamespaces.Types, "RejectionReasonDescription", description);
        }, cancellationToken);

    /// <summary>
    /// Takes the next request from this system's queue (of <paramref name="type"/>, when given); null when empty. Its
    /// <see cref="ReceivedRequest.Authorship"/> says whether the sender's own signature proves who wrote it.
    /// </summary>
    public Task<ReceivedRequest?> GetRequestAsync(MessageType? type = null, CancellationToken cancellationToken = default) =>
        WaitForRequestAsync(TimeSpan.Zero, type, cancellationToken);

    /// <summary>
    /// Like <see cref="GetRequestAsync(MessageType?, CancellationToken)"/>, but asks the gateway to wait up to
    /// <paramref name="wait"/> for a request when none is waiting (HTTP <c>Prefer: wait</c>, RFC 7240; the gateway may
    /// wait less). The wait must end well within <see cref="ExchangeClientOptions.Timeout"/>.
    /// </summary>
    public async Task<ReceivedRequest?> WaitForRequestAsync(TimeSpan wait, MessageType? type = null, CancellationToken cancellationToken = default)
    {
        if (await TakeAsync("Request", type, wait, cancellationToken) is not var (message, request, data, authorship, mtom))
        {
            return null;
        }
        return new ReceivedRequest(
            MessageMetadata.Parse(request.RequiredChild(SmevNamespaces.Types, "MessageMetadata")),
            data,
            data.RequiredChild(SmevNamespaces.Basic, "MessagePrimaryContent").ChildElements().Single(),
            request.OptionalText(SmevNamespaces.Types, "ReplyTo"),
            data.OptionalChild(SmevNamespaces.Types, "TestMessage") is not null)
        {
            Authorship = authorship,
            Attachments = AttachmentReader.Read(message, data, mtom, _gatewayTrust, _time.GetUtcNow()),
        };
    }

    /// <summary>
    /// Takes the next response to this system's requests (of <paramref name="type"/>, when given); null when empty. Its
    /// <see cref="ReceivedResponse.Authorship"/> says whether the responder's own signature proves who wrote it.
    /// </summary>
    public Task<ReceivedResponse?> GetResponseAsync(MessageType? type = null, CancellationToken cancellationToken = default) =>
        WaitForResponseAsync(TimeSpan.Zero, type, cancellationToken);

    /// <summary>
    /// Like <see cref="GetResponseAsync(MessageType?, CancellationToken)"/>, but asks the gateway to wait up to
    /// <paramref name="wait"/> for a response when none is waiting (see <see cref="WaitForRequestAsync"/>).
    /// </summary>
    public async Task<ReceivedResponse?> WaitForResponseAsync(TimeSpan wait, MessageType? type = null, CancellationToken cancellationToken = default)
    {
        if (await TakeAsync("Response", type, wait, cancellationToken) is not var (message, response, data, authorship, mtom))
        {
            return null;
        }
        return new ReceivedResponse(
            MessageMetadata.Parse(response.RequiredChild(SmevNamespaces.Types, "MessageMetadata")),
            Guid.Parse(response.RequiredText(SmevNamespaces.Types, "OriginalMessageId")),
            data,
            data.OptionalChild(SmevNamespaces.Basic, "MessagePrimaryContent")?.ChildElements().Single(),
            data.ChildElements()
                .Where(e => e.LocalName == "RequestRejected" && e.NamespaceURI == SmevNamespaces.Types)
                .Select(e => e.RequiredText(SmevNamespaces.Types, "RejectionReasonCode"))
                .ToList())
        {
            Authorship = authorship,
            Attachments = AttachmentReader.Read(message, data, mtom, _gatewayTrust, _time.GetUtcNow()),
        };
    }

    /// <summary>Confirms a received message; false tells the gateway the message was refused and ignored.</summary>
    public async Task AckAsync(Guid messageId, bool accepted = true, CancellationToken cancellationToken = default)
    {
        var envelope = new RequestEnvelope("AckRequest");
        var target = envelope.Add(envelope.Operation, SmevNamespaces.Basic, "AckTargetMessage", messageId.ToString());
        target.SetAttribute("Id", "SIGNED_BY_CALLER");
        target.SetAttribute("accepted", accepted ? "true" : "false");
        envelope.SignAsCaller(target, key);
        await CallAsync("Ack", envelope, cancellationToken);
    }

    /// <summary>
    /// Takes the next event of this system's status stream (SMEV's GetStatus): what became of a message it sent.
    /// Each event is handed out once; null when there is none.
    /// </summary>
    public async Task<ProcessingStatus?> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var envelope = new RequestEnvelope("GetStatusRequest");
        var timestamp = envelope.Add(envelope.Operation, SmevNamespaces.Basic, "Timestamp", XmlConvert.ToString(SignedTimestamps.Next(_time)));
        timestamp.SetAttribute("Id", "SIGNED_BY_CALLER");
        envelope.SignAsCaller(timestamp, key);

        var (answer, _) = await CallAsync("GetStatus", envelope, cancellationToken);
        var message = answer.OptionalChild(SmevNamespaces.Types, "SmevAsyncProcessingMessage");
        if (message is null)
        {
            return null;
        }
        var data = message.RequiredChild(SmevNamespaces.Types, "AsyncProcessingStatusData");
        VerifyGatewaySignature(message, data);
        var status = data.RequiredChild(SmevNamespaces.Types, "AsyncProcessingStatus");
        return new ProcessingStatus(
            Guid.Parse(status.RequiredText(SmevNamespaces.Types, "OriginalMessageId")),
            status.RequiredText(SmevNamespaces.Types, "StatusCategory"),
            status.OptionalText(SmevNamespaces.Types, "StatusDetails"));
    }

    /// <summary>
    /// The current status and the history of a message this system sent or received, over SOAP (our extension
    /// <c>GetMessageStatus</c>), signed by the gateway. A message this system neither sent nor received is answered as
    /// unknown (<c>TargetMessageIsNotFound</c>, as an unknown MessageID is), so no one learns which MessageIDs others use.
    /// </summary>
    public async Task<MessageStatusDescription> GetMessageStatusAsync(Guid messageId, CancellationToken cancellationToken = default)
    {
        var envelope = new RequestEnvelope("GetMessageStatusRequest", ExchangeNamespaces.MessageStatus);
        var reference = envelope.Add(envelope.Operation, ExchangeNamespaces.MessageStatus, "MessageReference", messageId.ToString());
        reference.SetAttribute("Id", "SIGNED_BY_CALLER");
        envelope.SignAsCaller(reference, key);

        var (answer, _) = await CallAsync(GetMessageStatusRequest.OperationName, envelope, cancellationToken);
        var status = answer.RequiredChild(ExchangeNamespaces.MessageStatus, "MessageStatus");
        VerifyGatewaySignature(answer, status, ExchangeNamespaces.MessageStatus);
        return GetMessageStatusResponse.Parse(status);
    }

    private async Task<MessageMetadata> SendResponseAsync(string to, Guid? messageId, Action<RequestEnvelope, XmlElement> addContent,
        CancellationToken cancellationToken)
    {
        var envelope = new RequestEnvelope("SendResponseRequest");
        var data = envelope.Add(envelope.Operation, SmevNamespaces.Types, "SenderProvidedResponseData");
        data.SetAttribute("Id", "SIGNED_BY_PROVIDER");
        envelope.Add(data, SmevNamespaces.Types, "MessageID", (messageId ?? MessageIds.NewVersion1(_time.GetUtcNow())).ToString());
        envelope.Add(data, SmevNamespaces.Types, "To", to);
        addContent(envelope, data);
        envelope.SignAsCaller(data, key);

        return await SendAsync("SendResponse", envelope, cancellationToken);
    }

    /// <summary>Posts a SendRequest or SendResponse; the answer is the accepted message's metadata, signed by the gateway.</summary>
    private async Task<MessageMetadata> SendAsync(string operation, RequestEnvelope envelope, CancellationToken cancellationToken)
    {
        var (response, _) = await CallAsync(operation, envelope, cancellationToken);
        var metadata = response.RequiredChild(SmevNamespaces.Types, "MessageMetadata");
        VerifyGatewaySignature(response, metadata);
        return MessageMetadata.Parse(metadata);
    }

    /// <summary>
    /// Takes the next message of this system's request or response queue (<paramref name="name"/> is <c>Request</c> or
    /// <c>Response</c>) and checks the gateway's signature over it; null when the queue is empty.
    /// </summary>
    private async Task<(XmlElement Message, XmlElement Signed, XmlElement Data, Authorship Authorship, MtomMessage? Mtom)?> TakeAsync(
        string name, MessageType? type, TimeSpan wait, CancellationToken cancellationToken)
    {
        var preferWait = PreferWait(wait);
        var envelope = new RequestEnvelope($"Get{name}Request");
        var selector = envelope.Add(envelope.Operation, SmevNamespaces.Basic, "MessageTypeSelector");
        selector.SetAttribute("Id", "SIGNED_BY_CALLER");
        if (type is not null)
        {
            envelope.Add(selector, SmevNamespaces.Basic, "NamespaceURI", type.NamespaceUri);
            envelope.Add(selector, SmevNamespaces.Basic, "RootElementLocalName", type.RootElement);
        }
        envelope.Add(selector, SmevNamespaces.Basic, "Timestamp", XmlConvert.ToString(SignedTimestamps.Next(_time)));
        envelope.SignAsCaller(selector, key);

        var (answer, mtom) = await CallAsync($"Get{name}", envelope, cancellationToken, preferWait);
        var message = answer.OptionalChild(SmevNamespaces.Types, $"{name}Message");
        if (message is null)
        {
            return null;
        }
        var signed = message.RequiredChild(SmevNamespaces.Types, name);
        VerifyGatewaySignature(message, signed);
        var data = signed.RequiredChild(SmevNamespaces.Types, $"SenderProvided{name}Data");
        return (message, signed, data, Authorship.Check(signed, data, _gatewayTrust, _time.GetUtcNow()), mtom);
    }

    /// <summary>
    /// The <c>Prefer</c> header asking the gateway to wait, in whole seconds (RFC 7240); null for no wait. A wait that
    /// would not end five seconds before the HTTP timeout is refused here, since the call would be cut while the gateway
    /// may be handing out a message (which then comes again after its lease).
    /// </summary>
    private string? PreferWait(TimeSpan wait)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero);
        if (wait == TimeSpan.Zero)
        {
            return null;
        }
        if (!WaitEndsBeforeTimeout(wait, http.Timeout))
        {
            throw new ArgumentOutOfRangeException(nameof(wait), wait,
                $"A wait of {WaitSeconds(wait)} s does not end 5 s before the client's timeout of {http.Timeout}: raise Exchange:Client:Timeout or wait less.");
        }
        return $"wait={WaitSeconds(wait)}";
    }

    /// <summary>Whether a call asking the gateway to wait <paramref name="wait"/> ends 5 s before <paramref name="timeout"/> cuts it.</summary>
    internal static bool WaitEndsBeforeTimeout(TimeSpan wait, TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan || TimeSpan.FromSeconds(WaitSeconds(wait) + 5) <= timeout;

    /// <summary>The wait as the <c>Prefer</c> header says it: in whole seconds, rounded up.</summary>
    private static int WaitSeconds(TimeSpan wait) => (int)Math.Ceiling(wait.TotalSeconds);

    /// <summary>The gateway signs what it vouches for; anything else is not to be trusted, so it throws.</summary>
    private void VerifyGatewaySignature(XmlElement parent, XmlElement signed, string holderNamespace = SmevNamespaces.Types)
    {
        var holder = parent.OptionalChild(holderNamespace, "SMEVSignature")
            ?? throw new SignatureException(SignatureError.NoSignature, $"The gateway's answer has no SMEVSignature over '{signed.LocalName}'.");
        var verified = XmlSignatureVerifier.Verify(holder, signed);
        _gatewayTrust.Validate(verified.CertificateDer, _time.GetUtcNow());
    }

    /// <summary>An officer's signature (ЭП-СП) over the business document, in the sender's data right after it.</summary>
    private static void AddPersonalSignature(RequestEnvelope envelope, XmlElement data, XmlElement business, SigningKey? personalKey)
    {
        if (personalKey is not null)
        {
            envelope.Add(data, SmevNamespaces.Types, "PersonalSignature").AppendChild(XmlSigner.Sign(business, personalKey));
        }
    }

    /// <returns>The answer element, and the MTOM message it came in when the gateway answered with MTOM (it does when asked with MTOM).</returns>
    private async Task<(XmlElement Answer, MtomMessage? Mtom)> CallAsync(string operation, RequestEnvelope envelope,
        CancellationToken cancellationToken, string? preferWait = null)
    {
        using var content = envelope.ToHttpContent(useMtom);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Headers.Add("SOAPAction", $"\"urn:{operation}\"");
        if (preferWait is not null)
        {
            request.Headers.Add("Prefer", preferWait);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var contentType = response.Content.Headers.ContentType?.ToString();
        if (!response.IsSuccessStatusCode && !IsSoap(response.Content.Headers.ContentType?.MediaType))
        {
            // A proxy's or load balancer's error page (502, 503, 504…), not the gateway's fault: an HTTP failure, retryable as such.
            throw new HttpRequestException($"The gateway answered HTTP {(int)response.StatusCode} {response.ReasonPhrase} without a SOAP envelope.",
                inner: null, response.StatusCode);
        }
        var mtom = MtomReader.IsMtom(contentType) ? MtomReader.Read(contentType!, body, new MtomLimits()) : null;
        var document = SafeXmlLoader.Load(mtom?.Root ?? body, ResponseLimits);
        var answer = document.DocumentElement!
            .RequiredChild(SmevNamespaces.Soap11, "Body")
            .ChildElements().Single();
        if (answer.LocalName == "Fault" && answer.NamespaceURI == SmevNamespaces.Soap11)
        {
            throw FaultReader.Read(answer);
        }
        response.EnsureSuccessStatusCode();
        return (answer, mtom);
    }

    /// <summary>Whether an answer's media type can carry a SOAP envelope (SOAP 1.1 XML, or MTOM's multipart).</summary>
    private static bool IsSoap(string? mediaType) =>
        mediaType is not null && (mediaType.EndsWith("/xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase));
}
