namespace Exchange.Protocol;

/// <summary>The XML namespaces of SMEV 3 message exchange 1.3, which Exchange speaks on the wire.</summary>
public static class SmevNamespaces
{
    public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Service = "urn://x-artefacts-smev-gov-ru/services/message-exchange/1.3";
    public const string Types = "urn://x-artefacts-smev-gov-ru/services/message-exchange/types/1.3";
    public const string Basic = "urn://x-artefacts-smev-gov-ru/services/message-exchange/types/basic/1.3";
    public const string Routing = "urn://x-artefacts-smev-gov-ru/services/message-exchange/types/routing/1.3";
    public const string Faults = "urn://x-artefacts-smev-gov-ru/services/message-exchange/types/faults/1.3";
    public const string XmlDsig = "http://www.w3.org/2000/09/xmldsig#";

    /// <summary>XOP (the MTOM packaging): <c>xop:Include</c> stands for a binary MIME part.</summary>
    public const string Xop = "http://www.w3.org/2004/08/xop/include";
}
