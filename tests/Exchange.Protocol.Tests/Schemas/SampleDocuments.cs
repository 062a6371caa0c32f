namespace Exchange.Protocol.Tests.Schemas;

/// <summary>
/// SOAP body elements of every operation and every fault detail, written by hand as they travel, plus broken
/// variants. Signatures are stand-ins: the schemas only require one element in the XML-DSig namespace.
/// </summary>
internal static class SampleDocuments
{
    public const string TypesNs = "urn://x-artefacts-smev-gov-ru/services/message-exchange/types/1.3";
    public const string BasicNs = "urn://x-artefacts-smev-gov-ru/services/message-exchange/types/basic/1.3";
    public const string FaultsNs = "urn://x-artefacts-smev-gov-ru/services/message-exchange/types/faults/1.3";
    public const string RoutingNs = "urn://x-artefacts-smev-gov-ru/services/message-exchange/types/routing/1.3";
    public const string DsNs = "http://www.w3.org/2000/09/xmldsig#";

    private const string RequestId = "1a2b3c4d-c9d0-11ef-8a5e-0242ac120002";
    private const string SmevId = "2b3c4d5e-c9d0-11ef-8a5e-0242ac120002";
    private const string ResponseId = "3c4d5e6f-c9d0-11ef-8a5e-0242ac120002";
    private const string FileId = "4d5e6f70-c9d0-11ef-8a5e-0242ac120002";

    private const string Signature = "<ds:Signature><ds:SignedInfo/><ds:SignatureValue>AAECAw==</ds:SignatureValue></ds:Signature>";

    private const string BusinessRequest =
        """<b:PropertyQuery xmlns:b="urn://example/business/property/1.0"><b:Cadastre>77:01:0001001:1001</b:Cadastre></b:PropertyQuery>""";

    private const string BusinessResponse =
        """<b:PropertyAnswer xmlns:b="urn://example/business/property/1.0"><b:Owner>Municipal fund</b:Owner></b:PropertyAnswer>""";

    private static readonly string AttachmentHeaders = $"""
        <basic:AttachmentHeaderList>
          <basic:AttachmentHeader>
            <basic:contentId>attachment-1</basic:contentId>
            <basic:NamespaceUri>urn://example/attachments/1.0</basic:NamespaceUri>
            <basic:MimeType>application/pdf</basic:MimeType>
            <basic:SignaturePKCS7>MIAGCSqGSIb3DQEHAqCAMIACAQE=</basic:SignaturePKCS7>
          </basic:AttachmentHeader>
          <basic:AttachmentHeader>
            <basic:contentId>attachment-2</basic:contentId>
            <basic:MimeType>application/zip</basic:MimeType>
            <basic:Archive>
              <basic:File><basic:Name>plan.xml</basic:Name><basic:NamespaceUri>urn://example/plan/1.0</basic:NamespaceUri></basic:File>
              <basic:File><basic:Name>photo.jpg</basic:Name><basic:NamespaceUri>urn://example/photo/1.0</basic:NamespaceUri></basic:File>
            </basic:Archive>
          </basic:AttachmentHeader>
        </basic:AttachmentHeaderList>
        """;

    private static readonly string RefAttachmentHeaders = $"""
        <basic:RefAttachmentHeaderList>
          <basic:RefAttachmentHeader>
            <basic:uuid>{FileId}</basic:uuid>
            <basic:FileName>scan.tiff</basic:FileName>
            <basic:NamespaceUri>urn://example/scans/1.0</basic:NamespaceUri>
            <basic:Hash>3q2+7w==</basic:Hash>
            <basic:MimeType>image/tiff</basic:MimeType>
            <basic:SignaturePKCS7>MIAGCSqGSIb3DQEHAqCAMIACAQE=</basic:SignaturePKCS7>
          </basic:RefAttachmentHeader>
        </basic:RefAttachmentHeaderList>
        """;

    private const string AttachmentContents = """
        <basic:AttachmentContentList>
          <basic:AttachmentContent><basic:Id>attachment-1</basic:Id><basic:Content>JVBERi0xLjQK</basic:Content></basic:AttachmentContent>
          <basic:AttachmentContent><basic:Id>attachment-2</basic:Id><basic:Content>UEsDBBQAAAAIAA==</basic:Content></basic:AttachmentContent>
        </basic:AttachmentContentList>
        """;

    private static readonly string FileStoreCredentials = $"""
        <basic:FSAttachmentsList>
          <basic:FSAttachment>
            <basic:uuid>{FileId}</basic:uuid>
            <basic:UserName>reader</basic:UserName>
            <basic:Password>secret</basic:Password>
            <basic:FileName>scan.tiff</basic:FileName>
          </basic:FSAttachment>
        </basic:FSAttachmentsList>
        """;

    private static string RequestData(string transactionCode = "TX-2025-0001") => $"""
        <types:SenderProvidedRequestData Id="SIGNED_BY_CONSUMER">
          <types:MessageID>{RequestId}</types:MessageID>
          <types:ReferenceMessageID>{RequestId}</types:ReferenceMessageID>
          <types:TransactionCode>{transactionCode}</types:TransactionCode>
          <types:NodeID>node-1</types:NodeID>
          <types:EOL>2030-01-01T00:00:00+03:00</types:EOL>
          <basic:MessagePrimaryContent>{BusinessRequest}</basic:MessagePrimaryContent>
          <types:PersonalSignature>{Signature}</types:PersonalSignature>
          {AttachmentHeaders}
          {RefAttachmentHeaders}
          <types:BusinessProcessMetadata><m:Case xmlns:m="urn://example/metadata/1.0">42</m:Case><m:Service xmlns:m="urn://example/metadata/1.0">S-1</m:Service></types:BusinessProcessMetadata>
          <types:TestMessage/>
        </types:SenderProvidedRequestData>
        """;

    private static string Metadata(string messageType, string? id = "SIGNED_BY_SMEV") => $"""
        <types:MessageMetadata{(id is null ? "" : $" Id=\"{id}\"")}>
          <types:MessageId>{SmevId}</types:MessageId>
          <types:MessageType>{messageType}</types:MessageType>
          <types:Sender><types:Mnemonic>REGION_MFC</types:Mnemonic><types:HumanReadableName>Regional service centre</types:HumanReadableName></types:Sender>
          <types:SendingTimestamp>2025-11-25T10:00:00.123+03:00</types:SendingTimestamp>
          <types:Recipient><types:Mnemonic>REGION_CADASTRE</types:Mnemonic><types:HumanReadableName>Cadastre office</types:HumanReadableName></types:Recipient>
          <types:DeliveryTimestamp>2025-11-25T10:00:05+03:00</types:DeliveryTimestamp>
          <types:Status>messageIsDelivered</types:Status>
        </types:MessageMetadata>
        """;

    private static readonly string RoutingStatus = """
        <rout:RoutingStatus>
          <rout:DynamicRoutingStatus><rout:DynamicValue>45000000</rout:DynamicValue><rout:RoutingStatusCode>success</rout:RoutingStatusCode></rout:DynamicRoutingStatus>
          <rout:IdentifierRoutingStatus><rout:IdentifierValue>1027700132195</rout:IdentifierValue><rout:RoutingStatusCode>recipientNotFound</rout:RoutingStatusCode></rout:IdentifierRoutingStatus>
          <rout:RegistryRoutingStatus>
            <rout:RecordId>1</rout:RecordId>
            <rout:RoutingStatusCode>success</rout:RoutingStatusCode>
            <rout:DynamicRoutingStatus><rout:DynamicValue>45000000</rout:DynamicValue><rout:RoutingStatusCode>success</rout:RoutingStatusCode></rout:DynamicRoutingStatus>
          </rout:RegistryRoutingStatus>
        </rout:RoutingStatus>
        """;

    private static readonly string AsyncStatus = $"""
        <types:AsyncProcessingStatus>
          <types:OriginalMessageId>{RequestId}</types:OriginalMessageId>
          <types:StatusCategory>requestIsRejectedBySmev</types:StatusCategory>
          <types:StatusDetails>The business document does not conform to its registered schema.</types:StatusDetails>
          {RoutingStatus}
          <types:SmevFault><basic:Code>SMEV-403</basic:Code><basic:Description>Business data failed validation</basic:Description></types:SmevFault>
        </types:AsyncProcessingStatus>
        """;

    private static string ResponseData(string choice) => $"""
        <types:SenderProvidedResponseData Id="SIGNED_BY_PROVIDER">
          <types:MessageID>{ResponseId}</types:MessageID>
          <types:To>eyJzaWQiOjMyODAxLCJtaWQiOiIxYTJiIn0=</types:To>
          {choice}
        </types:SenderProvidedResponseData>
        """;

    private static readonly string ContentChoice = $"""
        <basic:MessagePrimaryContent>{BusinessResponse}</basic:MessagePrimaryContent>
        <types:PersonalSignature>{Signature}</types:PersonalSignature>
        {AttachmentHeaders}
        {RefAttachmentHeaders}
        """;

    private const string RejectedChoice = """
        <types:RequestRejected><types:RejectionReasonCode>NO_DATA</types:RejectionReasonCode><types:RejectionReasonDescription>No such property.</types:RejectionReasonDescription></types:RequestRejected>
        <types:RequestRejected><types:RejectionReasonCode>ACCESS_DENIED</types:RejectionReasonCode><types:RejectionReasonDescription>Not for this requester.</types:RejectionReasonDescription></types:RequestRejected>
        """;

    private const string StatusChoice = """
        <types:RequestStatus>
          <types:StatusCode>3</types:StatusCode>
          <types:StatusParameter><types:Key>queue</types:Key><types:Value>12</types:Value></types:StatusParameter>
          <types:StatusParameter><types:Key>eta</types:Key><types:Value>2025-11-27</types:Value></types:StatusParameter>
          <types:StatusDescription>Waiting for the archive.</types:StatusDescription>
        </types:RequestStatus>
        """;

    private static readonly string SendRequestRequestFull = Body("types:SendRequestRequest", $"""
        {RequestData()}
        {AttachmentContents}
        <types:CallerInformationSystemSignature>{Signature}</types:CallerInformationSystemSignature>
        <rout:Routing>
          <rout:RoutingInformation Id="ROUTING">
            <rout:MessageID>{RequestId}</rout:MessageID>
            <rout:DynamicRouting><rout:DynamicValue>45000000</rout:DynamicValue><rout:DynamicValue>46000000</rout:DynamicValue></rout:DynamicRouting>
            <rout:IdentifierRouting><rout:IdentifierValue>1027700132195</rout:IdentifierValue></rout:IdentifierRouting>
            <rout:RegistryRouting>
              <rout:RegistryRecordRouting>
                <rout:RecordId>1</rout:RecordId>
                <rout:UseGeneralRouting>false</rout:UseGeneralRouting>
                <rout:DynamicRouting><rout:DynamicValue>45000000</rout:DynamicValue></rout:DynamicRouting>
              </rout:RegistryRecordRouting>
            </rout:RegistryRouting>
          </rout:RoutingInformation>
          <rout:RoutingSignature>{Signature}</rout:RoutingSignature>
        </rout:Routing>
        """);

    private static readonly string SendRequestRequestMinimal = Body("types:SendRequestRequest", $"""
        <types:SenderProvidedRequestData Id="SIGNED_BY_CONSUMER">
          <types:MessageID>{RequestId}</types:MessageID>
          <basic:MessagePrimaryContent>{BusinessRequest}</basic:MessagePrimaryContent>
        </types:SenderProvidedRequestData>
        <types:CallerInformationSystemSignature>{Signature}</types:CallerInformationSystemSignature>
        """);

    private const string DirectiveNs = "urn://x-artefacts-smev-gov-ru/services/message-exchange/types/directive/1.3";

    /// <summary>A directive registry as business data: laxly validated, but validated, because both sets declare it.</summary>
    private static readonly string DirectiveRegistryRequest = Replace(SendRequestRequestMinimal, BusinessRequest, $"""
        <direct:Registry xmlns:direct="{DirectiveNs}">
          <direct:RegistryRecord>
            <direct:RecordId>1</direct:RecordId>
            <direct:Record Id="RECORD-1">
              <direct:RecordContent Id="RECORD-CONTENT-1"><p:Plot xmlns:p="urn://example/business/land/1.0">77:01:0001001:1001</p:Plot></direct:RecordContent>
              <direct:PersonalSignature>{Signature}</direct:PersonalSignature>
            </direct:Record>
            <direct:RecordSignature>{Signature}</direct:RecordSignature>
          </direct:RegistryRecord>
        </direct:Registry>
        """);

    private static readonly string SendRequestResponse = Body("types:SendRequestResponse", $"""
        {Metadata("REQUEST")}
        <types:SMEVSignature>{Signature}</types:SMEVSignature>
        """);

    private static string Selector(string filter) => $"""
        <basic:MessageTypeSelector Id="SIGNED_BY_CALLER">
          {filter}
          <basic:Timestamp>2025-11-25T10:00:00+03:00</basic:Timestamp>
          <basic:NodeID>node-1</basic:NodeID>
        </basic:MessageTypeSelector>
        <types:CallerInformationSystemSignature>{Signature}</types:CallerInformationSystemSignature>
        """;

    private const string TypeFilter =
        "<basic:NamespaceURI>urn://example/business/property/1.0</basic:NamespaceURI><basic:RootElementLocalName>PropertyQuery</basic:RootElementLocalName>";

    private static readonly string GetRequestRequest = Body("types:GetRequestRequest", Selector(TypeFilter));

    private static readonly string GetRequestResponse = Body("types:GetRequestResponse", $"""
        <types:RequestMessage>
          <types:Request Id="SIGNED_BY_SMEV">
            {RequestData()}
            {Metadata("REQUEST", id: null)}
            {FileStoreCredentials}
            <types:ReplyTo>eyJzaWQiOjMyODAxLCJtaWQiOiIxYTJiIn0=</types:ReplyTo>
            <types:SenderInformationSystemSignature>{Signature}</types:SenderInformationSystemSignature>
          </types:Request>
          {AttachmentContents}
          <types:SMEVSignature>{Signature}</types:SMEVSignature>
        </types:RequestMessage>
        """);

    private static readonly string GetResponseResponse = Body("types:GetResponseResponse", $"""
        <types:ResponseMessage>
          <types:Response Id="SIGNED_BY_SMEV">
            <types:OriginalMessageId>{RequestId}</types:OriginalMessageId>
            <types:OriginalTransactionCode>TX-2025-0001</types:OriginalTransactionCode>
            <types:ReferenceMessageID>{RequestId}</types:ReferenceMessageID>
            {ResponseData(ContentChoice)}
            {Metadata("RESPONSE", id: null)}
            {FileStoreCredentials}
            <types:SenderInformationSystemSignature>{Signature}</types:SenderInformationSystemSignature>
          </types:Response>
          {AttachmentContents}
          <types:SMEVSignature>{Signature}</types:SMEVSignature>
        </types:ResponseMessage>
        """);

    private static string SendResponseRequest(string choice, bool attachments = false) => Body("types:SendResponseRequest", $"""
        {ResponseData(choice)}
        {(attachments ? AttachmentContents : "")}
        <types:CallerInformationSystemSignature>{Signature}</types:CallerInformationSystemSignature>
        """);

    private static readonly string GetStatusRequest = Body("types:GetStatusRequest", $"""
        <basic:Timestamp Id="SIGNED_BY_CALLER">2025-11-25T10:00:00+03:00</basic:Timestamp>
        <types:CallerInformationSystemSignature>{Signature}</types:CallerInformationSystemSignature>
        """);

    private static readonly string GetStatusResponse = Body("types:GetStatusResponse", $"""
        <types:SmevAsyncProcessingMessage>
          <types:AsyncProcessingStatusData Id="SIGNED_BY_SMEV">{AsyncStatus}</types:AsyncProcessingStatusData>
          <types:SMEVSignature>{Signature}</types:SMEVSignature>
        </types:SmevAsyncProcessingMessage>
        """);

    private static readonly string AckRequest = Body("types:AckRequest", $"""
        <basic:AckTargetMessage Id="SIGNED_BY_CALLER" accepted="true">{SmevId}</basic:AckTargetMessage>
        <types:CallerInformationSystemSignature>{Signature}</types:CallerInformationSystemSignature>
        """);

    private const string CodeAndDescription = "<basic:Code>SMEV-100</basic:Code><basic:Description>Explained for people.</basic:Description>";

    /// <summary>Every fault detail element of the faults namespace, filled in as fully as its type allows.</summary>
    public static IReadOnlyDictionary<string, string> Faults { get; } = new Dictionary<string, string>
    {
        ["InvalidContent"] = Body("faults:InvalidContent", $"""
            {CodeAndDescription}
            <faults:ValidationError errorPosition="12">cvc-complex-type.2.4.a: Invalid content was found.</faults:ValidationError>
            <faults:ValidationError errorPosition="40">cvc-pattern-valid: not a UUID.</faults:ValidationError>
            """),
        ["BusinessDataTypeIsNotSupported"] = Body("faults:BusinessDataTypeIsNotSupported", $"""
            {CodeAndDescription}
            <faults:RootElementLocalName>PropertyQuery</faults:RootElementLocalName>
            <faults:RootElementNamespaceURI>urn://example/business/property/1.0</faults:RootElementNamespaceURI>
            """),
        ["SignatureVerificationFault"] = Body("faults:SignatureVerificationFault",
            $"{CodeAndDescription}<faults:SignatureVerificationFault>CertificateIsExpired</faults:SignatureVerificationFault>"),
        ["AttachmentSizeLimitExceeded"] = Body("faults:AttachmentSizeLimitExceeded",
            "<faults:PermittedTotalAttachmentSize>5242880</faults:PermittedTotalAttachmentSize><faults:RealTotalAttachmentSize>7340032</faults:RealTotalAttachmentSize>"),
        ["QuoteLimitExceeded"] = Body("faults:QuoteLimitExceeded",
            $"{CodeAndDescription}<faults:RemainedTotalQuoteSize>1024</faults:RemainedTotalQuoteSize><faults:RealTotalAttachmentSize>2048</faults:RealTotalAttachmentSize>"),
        ["DestinationOverflow"] = Body("faults:DestinationOverflow",
            "<basic:Code>Q-FULL</basic:Code><faults:MessageBrokerAddress>amqp://broker-1</faults:MessageBrokerAddress><faults:DestinationName>requests.cadastre</faults:DestinationName>"),
        ["TransactionCodeInvalid"] = Body("faults:TransactionCodeInvalid", CodeAndDescription),
        ["PersonalAccessDenied"] = Body("faults:PersonalAccessDenied", "<basic:Description>Only the description.</basic:Description>"),
        ["EndOfLifeReached"] = Body("faults:EndOfLifeReached", ""),
        ["MessageIsAlreadySent"] = Body("faults:MessageIsAlreadySent", ""),
        ["InvalidMessageIdFormat"] = Body("faults:InvalidMessageIdFormat", ""),
        ["StaleMessageId"] = Body("faults:StaleMessageId", ""),
        ["AttachmentContentMiscoordination"] = Body("faults:AttachmentContentMiscoordination", ""),
        ["AccessDenied"] = Body("faults:AccessDenied", ""),
        ["UnknownMessageType"] = Body("faults:UnknownMessageType", ""),
        ["IncorrectResponseContentType"] = Body("faults:IncorrectResponseContentType", ""),
        ["RecipientIsNotFound"] = Body("faults:RecipientIsNotFound", ""),
        ["SenderIsNotRegistered"] = Body("faults:SenderIsNotRegistered", ""),
        ["RequestIsNotFound"] = Body("faults:RequestIsNotFound", ""),
        ["TargetMessageIsNotFound"] = Body("faults:TargetMessageIsNotFound", ""),
        ["SMEVFailure"] = Body("faults:SMEVFailure", ""),
    };

    /// <summary>Operation bodies that both schema sets must accept, by description.</summary>
    public static IReadOnlyDictionary<string, string> Valid { get; } = new Dictionary<string, string>
    {
        ["SendRequestRequest with every optional part"] = SendRequestRequestFull,
        ["SendRequestRequest with only the required parts"] = SendRequestRequestMinimal,
        ["SendRequestRequest with a TransactionCode of exactly 1500 characters"] = Body("types:SendRequestRequest", RequestData(new string('7', 1500))),
        ["SendRequestRequest carrying a directive registry"] = DirectiveRegistryRequest,
        ["SendRequestResponse"] = SendRequestResponse,
        ["SendResponseRequest with business content and attachments"] = SendResponseRequest(ContentChoice, attachments: true),
        ["SendResponseRequest with rejections"] = SendResponseRequest(RejectedChoice),
        ["SendResponseRequest with a request status"] = SendResponseRequest(StatusChoice),
        ["SendResponseRequest with a processing status"] = SendResponseRequest(AsyncStatus),
        ["SendResponseResponse"] = Body("types:SendResponseResponse", Metadata("RESPONSE")),
        ["GetRequestRequest with a type filter"] = GetRequestRequest,
        ["GetRequestRequest without a type filter"] = Body("types:GetRequestRequest", Selector("")),
        ["GetRequestResponse with a message"] = GetRequestResponse,
        ["GetRequestResponse for an empty queue"] = Body("types:GetRequestResponse", ""),
        ["GetResponseRequest"] = Body("types:GetResponseRequest", Selector(TypeFilter)),
        ["GetResponseResponse with a message"] = GetResponseResponse,
        ["GetResponseResponse for an empty queue"] = Body("types:GetResponseResponse", ""),
        ["GetStatusRequest"] = GetStatusRequest,
        ["GetStatusResponse with a status"] = GetStatusResponse,
        ["GetStatusResponse for an empty queue"] = Body("types:GetStatusResponse", ""),
        ["AckRequest"] = AckRequest,
        ["AckRequest without the accepted flag"] = Replace(AckRequest, " accepted=\"true\"", ""),
        ["AckResponse"] = Body("types:AckResponse", ""),
    };

    /// <summary>Documents both schema sets must refuse, by what is wrong with them.</summary>
    public static IReadOnlyDictionary<string, InvalidSample> Invalid { get; } = new Dictionary<string, InvalidSample>
    {
        ["MessageID that is not a UUID"] = new(Replace(SendRequestRequestMinimal, $"<types:MessageID>{RequestId}<", "<types:MessageID>not-a-uuid<"), "MessageID' element is invalid - The value 'not-a-uuid'"),
        ["MessageID in upper case"] = new(Replace(SendRequestRequestMinimal, $"<types:MessageID>{RequestId}<", $"<types:MessageID>{RequestId.ToUpperInvariant()}<"), "MessageID' element is invalid - The value '1A2B3C4D"),
        ["MessageID in braces"] = new(Replace(SendRequestRequestMinimal, $"<types:MessageID>{RequestId}<", $"<types:MessageID>{{{RequestId}}}<"), "MessageID' element is invalid - The value '{1a2b"),
        ["selector without Timestamp"] = new(Replace(GetRequestRequest, "<basic:Timestamp>2025-11-25T10:00:00+03:00</basic:Timestamp>", ""), "expected: 'Timestamp'"),
        ["selector with a namespace but no local name"] = new(Replace(GetRequestRequest, "<basic:RootElementLocalName>PropertyQuery</basic:RootElementLocalName>", ""), "expected: 'RootElementLocalName'"),
        ["MessageType outside its enumeration"] = new(Replace(SendRequestResponse, "<types:MessageType>REQUEST<", "<types:MessageType>NOTIFICATION<"), "The value 'NOTIFICATION' is invalid"),
        ["RejectionReasonCode outside its enumeration"] = new(Replace(SendResponseRequest(RejectedChoice), ">NO_DATA<", ">REFUSED<"), "The value 'REFUSED' is invalid"),
        ["TransactionCode of 1501 characters"] = new(Body("types:SendRequestRequest", RequestData(new string('7', 1501))), "string-1500' - The actual length is greater than the MaxLength value"),
        ["GetStatusRequest without its signature"] = new(Replace(GetStatusRequest, $"<types:CallerInformationSystemSignature>{Signature}</types:CallerInformationSystemSignature>", ""), "expected: 'CallerInformationSystemSignature'"),
        ["AckTargetMessage without Id"] = new(Replace(AckRequest, " Id=\"SIGNED_BY_CALLER\"", ""), "The required attribute 'Id' is missing"),
        ["two branches of the response choice"] = new(SendResponseRequest($"<basic:MessagePrimaryContent>{BusinessResponse}</basic:MessagePrimaryContent>{StatusChoice}"), "invalid child element 'RequestStatus'"),
        ["empty MessagePrimaryContent"] = new(Replace(SendRequestRequestMinimal, $"<basic:MessagePrimaryContent>{BusinessRequest}</basic:MessagePrimaryContent>", "<basic:MessagePrimaryContent/>"), "'MessagePrimaryContent' in namespace 'urn://x-artefacts-smev-gov-ru/services/message-exchange/types/basic/1.3' has incomplete content"),
        ["MessagePrimaryContent with two business documents"] = new(Replace(SendRequestRequestMinimal, $"{BusinessRequest}</basic:MessagePrimaryContent>", $"{BusinessRequest}{BusinessRequest}</basic:MessagePrimaryContent>"), "has invalid child element 'PropertyQuery'"),
        ["MessagePrimaryContent holding an element of its own namespace"] = new(Replace(SendRequestRequestMinimal, BusinessRequest, "<basic:Timestamp>2025-11-25T10:00:00+03:00</basic:Timestamp>"), "has invalid child element 'Timestamp'"),
        ["a directive registry record without its content"] = new(Replace(DirectiveRegistryRequest, "<direct:RecordContent Id=\"RECORD-CONTENT-1\"><p:Plot xmlns:p=\"urn://example/business/land/1.0\">77:01:0001001:1001</p:Plot></direct:RecordContent>", ""), "expected: 'RecordContent'"),
        ["attachment media type outside the allowed top-level types"] = new(Replace(SendRequestRequestFull, ">application/pdf<", ">model/gltf+json<"), "The value 'model/gltf+json' is invalid"),
        ["the same Id twice"] = new(Replace(SendRequestRequestFull, "Id=\"ROUTING\"", "Id=\"SIGNED_BY_CONSUMER\""), "'SIGNED_BY_CONSUMER' is already used as an ID"),
        ["InvalidContent without a validation error"] = new(Body("faults:InvalidContent", CodeAndDescription), "expected: 'ValidationError'"),
        ["SignatureVerificationFault reason outside its enumeration"] = new(Replace(Faults["SignatureVerificationFault"], ">CertificateIsExpired<", ">CertificateIsRevoked<"), "The value 'CertificateIsRevoked' is invalid"),
        ["AckResponse with content"] = new(Body("types:AckResponse", "<types:Anything/>"), "because the parent element's content model is empty"),
        ["an undeclared element in the types namespace"] = new(Body("types:SendRequest", ""), "SendRequest' element is not declared"),
    };

    /// <summary>A body element with all the namespaces the samples use declared on it.</summary>
    private static string Body(string root, string content) =>
        $"""<{root} xmlns:types="{TypesNs}" xmlns:basic="{BasicNs}" xmlns:faults="{FaultsNs}" xmlns:rout="{RoutingNs}" xmlns:ds="{DsNs}">{content}</{root}>""";

    /// <summary>Replaces text that must occur exactly once, so that a broken sample cannot silently stay valid.</summary>
    private static string Replace(string xml, string oldText, string newText)
    {
        var first = xml.IndexOf(oldText, StringComparison.Ordinal);
        if (first < 0 || xml.IndexOf(oldText, first + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"'{oldText}' must occur exactly once in the sample.");
        }
        return string.Concat(xml.AsSpan(0, first), newText, xml.AsSpan(first + oldText.Length));
    }
}

/// <summary>A document that must be refused, and a fragment of the validation error that says why.</summary>
internal sealed record InvalidSample(string Xml, string Error);
