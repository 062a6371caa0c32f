namespace Exchange.Protocol.Faults;

/// <summary>
/// Stable codes carried in every fault's <c>Code</c> element and in its <c>faultstring</c>: senders and
/// operators match on these, so a code never changes meaning once shipped.
/// </summary>
public static class FaultCodes
{
    public const string MalformedXml = "EXCHANGE-400-MALFORMED-XML";
    public const string DtdProhibited = "EXCHANGE-400-DTD-PROHIBITED";
    public const string BodyTooLarge = "EXCHANGE-413-BODY-TOO-LARGE";
    public const string TooDeep = "EXCHANGE-400-TOO-DEEP";
    public const string TooManyAttributes = "EXCHANGE-400-TOO-MANY-ATTRIBUTES";
    public const string AttributeTooLong = "EXCHANGE-400-ATTRIBUTE-TOO-LONG";
    public const string NotSoapEnvelope = "EXCHANGE-400-NOT-SOAP-1.1";
    public const string UnsupportedContentType = "EXCHANGE-415-CONTENT-TYPE";
    public const string MustUnderstandHeader = "EXCHANGE-400-MUST-UNDERSTAND";
    public const string UnknownOperation = "EXCHANGE-400-UNKNOWN-OPERATION";
    public const string SoapActionMismatch = "EXCHANGE-400-SOAPACTION-MISMATCH";
    public const string InvalidStructure = "EXCHANGE-400-INVALID-STRUCTURE";
    public const string SchemaViolation = "EXCHANGE-400-SCHEMA-VIOLATION";
    public const string InvalidMessageId = "EXCHANGE-400-MESSAGE-ID";
    public const string MessageIdReused = "EXCHANGE-409-MESSAGE-ID-REUSED";
    public const string StaleMessageId = "EXCHANGE-400-STALE-MESSAGE-ID";
    public const string StaleTimestamp = "EXCHANGE-400-STALE-TIMESTAMP";
    public const string ReplayedCall = "EXCHANGE-409-REPLAYED-CALL";
    public const string EndOfLife = "EXCHANGE-410-END-OF-LIFE";
    public const string UnknownMessageType = "EXCHANGE-404-MESSAGE-TYPE";
    public const string NoCallerSignature = "EXCHANGE-401-NO-SIGNATURE";
    public const string UnknownCertificate = "EXCHANGE-401-UNKNOWN-CERTIFICATE";
    public const string TargetNotFound = "EXCHANGE-404-TARGET-MESSAGE";
    public const string RequestNotFound = "EXCHANGE-404-REQUEST";
    public const string NoRecipient = "EXCHANGE-404-RECIPIENT";
    public const string RoutingSigner = "EXCHANGE-401-ROUTING-SIGNER";
    public const string AccessDenied = "EXCHANGE-403-ACCESS-DENIED";
    public const string UnknownType = "EXCHANGE-404-UNKNOWN-TYPE";
    public const string InternalFailure = "EXCHANGE-500-FAILURE";

    // Attachments and MTOM.
    public const string FileStoreUnsupported = "EXCHANGE-400-FILE-STORE-UNSUPPORTED";
    public const string MtomMalformed = "EXCHANGE-400-MTOM-MALFORMED";
    public const string MtomTooManyParts = "EXCHANGE-400-MTOM-TOO-MANY-PARTS";
    public const string MtomPartMissing = "EXCHANGE-400-MTOM-PART-MISSING";
    public const string MtomPartDuplicate = "EXCHANGE-400-MTOM-PART-DUPLICATE";
    public const string MtomPartUnreferenced = "EXCHANGE-400-MTOM-PART-UNREFERENCED";
    public const string XopIncludeMisplaced = "EXCHANGE-400-XOP-INCLUDE-MISPLACED";
    public const string AttachmentEncoding = "EXCHANGE-400-ATTACHMENT-ENCODING";
    public const string AttachmentMiscoordination = "EXCHANGE-400-ATTACHMENT-MISCOORDINATION";
    public const string AttachmentsTooLarge = "EXCHANGE-413-ATTACHMENTS-TOO-LARGE";
    public const string AttachmentQuota = "EXCHANGE-429-ATTACHMENT-QUOTA";
    public const string AttachmentSignature = "EXCHANGE-401-ATTACHMENT-SIGNATURE";
    public const string DestinationOverflow = "EXCHANGE-503-DESTINATION-OVERFLOW";
}
