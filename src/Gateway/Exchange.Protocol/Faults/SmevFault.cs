namespace Exchange.Protocol.Faults;

/// <summary>
/// A SOAP fault as SMEV 3 defines it: the detail holds one element of the faults namespace
/// (<see cref="Element"/>), which for most kinds carries <c>Code</c> and <c>Description</c>.
/// </summary>
public sealed record SmevFault
{
    /// <summary>Local name of the detail element in <see cref="SmevNamespaces.Faults"/>.</summary>
    public required string Element { get; init; }

    /// <summary>One of <see cref="FaultCodes"/>.</summary>
    public required string Code { get; init; }

    public required string Description { get; init; }

    /// <summary>True when the server failed rather than the sender (<c>soap:Server</c> instead of <c>soap:Client</c>).</summary>
    public bool IsServerFault { get; init; }

    /// <summary>
    /// False for kinds whose schema type is <c>basic:Void</c>: their detail element must stay empty, so the
    /// code travels only in <c>faultstring</c>.
    /// </summary>
    public bool CarriesCode { get; init; } = true;

    /// <summary>Child elements that follow <c>Code</c>/<c>Description</c> for the kinds that define them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; init; } = [];

    /// <summary>For <c>InvalidContent</c>: what the parser or validator found, and where (line, 0 when unknown).</summary>
    public IReadOnlyList<ValidationError> ValidationErrors { get; init; } = [];

    public string FaultString => $"{Code}: {Description}";

    public static SmevFault InvalidContent(string code, string description, int errorPosition = 0) => new()
    {
        Element = "InvalidContent", Code = code, Description = description, ValidationErrors = [new(description, errorPosition)],
    };

    /// <summary>A business document that does not satisfy its type's schema.</summary>
    public static SmevFault InvalidBusinessContent(string description, IReadOnlyList<ValidationError> errors) => new()
    {
        Element = "InvalidContent", Code = FaultCodes.SchemaViolation, Description = description, ValidationErrors = errors,
    };

    public static SmevFault SignatureVerification(SignatureProblem problem, string code, string description) => new()
    {
        Element = "SignatureVerificationFault", Code = code, Description = description,
        Details = [new("SignatureVerificationFault", problem.ToString())],
    };

    public static SmevFault SenderIsNotRegistered(string description) =>
        Void("SenderIsNotRegistered", FaultCodes.UnknownCertificate, description);

    /// <summary>The directory does not know the type, has retired it, or it is not of the kind the operation sends.</summary>
    public static SmevFault BusinessDataTypeIsNotSupported(string namespaceUri, string localName, string description) => new()
    {
        Element = "BusinessDataTypeIsNotSupported", Code = FaultCodes.UnknownType, Description = description,
        Details = [new("RootElementLocalName", localName), new("RootElementNamespaceURI", namespaceUri)],
    };

    public static SmevFault InvalidMessageIdFormat(string value) =>
        Void("InvalidMessageIdFormat", FaultCodes.InvalidMessageId,
            $"MessageID '{value}' is not a lower-case RFC 4122 version 1 (time-based) UUID.");

    public static SmevFault StaleMessageId(Guid messageId, DateTimeOffset createdAt) =>
        Void("StaleMessageId", FaultCodes.StaleMessageId,
            $"MessageID {messageId} was made at {createdAt:O}, outside the accepted window; check the clock and generate a new one.");

    public static SmevFault MessageIsAlreadySent(Guid messageId) =>
        Void("MessageIsAlreadySent", FaultCodes.MessageIdReused,
            $"MessageID {messageId} was already used for a different message; generate a new one.");

    public static SmevFault TargetMessageIsNotFound(Guid messageId) =>
        Void("TargetMessageIsNotFound", FaultCodes.TargetNotFound,
            $"No message {messageId} was delivered to the caller and awaits acknowledgement.");

    public static SmevFault RequestIsNotFound(string description) =>
        Void("RequestIsNotFound", FaultCodes.RequestNotFound, description);

    /// <summary>
    /// The directory does not let the sender send this type to this recipient. (A message the caller neither sent nor
    /// received is not refused with this but answered as unknown, <see cref="TargetMessageIsNotFound"/>.)
    /// </summary>
    public static SmevFault AccessDenied(string description) =>
        Void("AccessDenied", FaultCodes.AccessDenied, description);

    public static SmevFault RecipientIsNotFound(string description) =>
        Void("RecipientIsNotFound", FaultCodes.NoRecipient, description);

    public static SmevFault EndOfLifeReached(DateTimeOffset endOfLife) => new()
    {
        Element = "EndOfLifeReached", Code = FaultCodes.EndOfLife,
        Description = $"The message's EOL {endOfLife:O} has passed; send it again with a later EOL if it is still wanted.",
    };

    /// <summary>
    /// The recipient's queue is full: nothing was stored. SMEV tells senders to keep sending, so it is a server fault
    /// (retry later), and the detail names where the queue is and which one it is.
    /// </summary>
    public static SmevFault DestinationOverflow(string brokerAddress, string destinationName, string description) => new()
    {
        Element = "DestinationOverflow", Code = FaultCodes.DestinationOverflow, Description = description, IsServerFault = true,
        Details = [new("MessageBrokerAddress", brokerAddress), new("DestinationName", destinationName)],
    };

    public static SmevFault UnknownMessageType(string description) =>
        Void("UnknownMessageType", FaultCodes.UnknownMessageType, description);

    /// <summary>Attachment headers and contents do not pair up one to one by contentId / Id.</summary>
    public static SmevFault AttachmentContentMiscoordination(string description) =>
        Void("AttachmentContentMiscoordination", FaultCodes.AttachmentMiscoordination, description);

    public static SmevFault AttachmentSizeLimitExceeded(long permitted, long real) => new()
    {
        Element = "AttachmentSizeLimitExceeded", Code = FaultCodes.AttachmentsTooLarge,
        Description = $"The attachments total {real} bytes; at most {permitted} are accepted in one message.",
        Details = [new("PermittedTotalAttachmentSize", Long(permitted)), new("RealTotalAttachmentSize", Long(real))],
    };

    public static SmevFault QuoteLimitExceeded(long remained, long real) => new()
    {
        Element = "QuoteLimitExceeded", Code = FaultCodes.AttachmentQuota,
        Description = $"The attachments total {real} bytes; {remained} bytes are left of the sender's daily attachment quota.",
        Details = [new("RemainedTotalQuoteSize", Long(remained)), new("RealTotalAttachmentSize", Long(real))],
    };

    public static SmevFault Failure(string description) => new()
    {
        Element = "SMEVFailure", Code = FaultCodes.InternalFailure, Description = description,
        IsServerFault = true, CarriesCode = false,
    };

    private static string Long(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static SmevFault Void(string element, string code, string description) => new()
    {
        Element = element, Code = code, Description = description, CarriesCode = false,
    };
}
