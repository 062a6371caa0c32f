using System.Xml;
using Exchange.Protocol;
using Exchange.Signing.Keys;
using Exchange.Signing.Xml;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Signing;

/// <summary>Signs what the gateway answers with its own key: SMEV's <c>SMEVSignature</c> (ЭП-СМЭВ).</summary>
public sealed class GatewaySigner : IDisposable
{
    private readonly SigningKey _key;

    public GatewaySigner(IOptions<SigningOptions> options)
    {
        var settings = options.Value;
        _key = SigningKey.FromPkcs12(File.ReadAllBytes(settings.KeyFile!), settings.KeyPassword ?? "");
    }

    public byte[] CertificateDer => _key.CertificateDer;

    /// <summary>
    /// Signs <paramref name="target"/> and appends <c>SMEVSignature</c> holding the signature to <paramref name="parent"/>,
    /// in SMEV's types namespace unless an extension's answer declares it in its own.
    /// </summary>
    public void SignInto(XmlElement parent, XmlElement target, string holderNamespace = SmevNamespaces.Types)
    {
        var holder = parent.OwnerDocument.CreateElement("ns2", "SMEVSignature", holderNamespace);
        holder.AppendChild(XmlSigner.Sign(target, _key));
        parent.AppendChild(holder);
    }

    public void Dispose() => _key.Dispose();
}
