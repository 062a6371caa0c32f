using System.Xml;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Messages;

/// <summary>
/// The sender's own signature over its <c>SenderProvidedRequestData</c> / <c>SenderProvidedResponseData</c>: what it
/// sent as <c>CallerInformationSystemSignature</c>, kept with the message and handed to the recipient as SMEV's
/// <c>SenderInformationSystemSignature</c>, the recipient's proof of authorship. It references the data by Id through
/// exclusive c14n and the SMEV transform, so it still verifies wherever the unchanged data is embedded.
/// </summary>
public static class SenderSignature
{
    /// <summary>The <c>ds:Signature</c> of a verified caller's signature holder, as self-contained XML to store.</summary>
    public static string Keep(XmlElement callerSignature) => callerSignature.ChildElements().Single().ToStandaloneXml();

    /// <summary>Writes <c>SenderInformationSystemSignature</c> around a kept signature; nothing when none was kept.</summary>
    public static void Write(XmlWriter writer, string? signatureXml)
    {
        if (signatureXml is null)
        {
            return;
        }
        writer.WriteStartElement("SenderInformationSystemSignature", SmevNamespaces.Types);
        StoredFragment.Write(writer, signatureXml);
        writer.WriteEndElement();
    }
}
