namespace Exchange.Signing.Xml;

/// <summary>XMLDSig names used by the SMEV signature profile.</summary>
public static class XmlDsig
{
    public const string Namespace = "http://www.w3.org/2000/09/xmldsig#";
    public const string ExclusiveC14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
}
