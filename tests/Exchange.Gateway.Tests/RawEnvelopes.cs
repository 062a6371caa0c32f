using System.Xml;
using Exchange.Signing.Keys;
using Exchange.Signing.Xml;

namespace Exchange.Gateway.Tests;

/// <summary>Helpers for hand-written envelopes.</summary>
public static class RawEnvelopes
{
    /// <summary>
    /// Signs the element with the given Id into the envelope's empty <c>CallerInformationSystemSignature</c> (of SMEV's
    /// namespace or an extension's).
    /// </summary>
    public static string SignedAsCaller(string envelope, SigningKey key, string id = "SIGNED_BY_CALLER")
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(envelope);
        var target = (XmlElement)document.SelectSingleNode($"//*[@Id='{id}']")!;
        var holder = (XmlElement)document.SelectSingleNode("//*[local-name()='CallerInformationSystemSignature']")!;
        holder.AppendChild(XmlSigner.Sign(target, key));
        return document.OuterXml;
    }
}
