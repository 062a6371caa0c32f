using System.Net;
using System.Text;
using System.Xml;
using Exchange.Protocol;
using Exchange.Protocol.Messages;
using Exchange.Signing.Keys;
using Exchange.Signing.Xml;

namespace Exchange.Gateway.Tests.Routing;

/// <summary>
/// A request's routing (<c>rout:Routing</c>) sits outside the signed request data, so it carries its own signature:
/// it must be the sender system's, over routing that names this very message, and unchanged since.
/// </summary>
public sealed class RoutingSignatureTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A SendRequest of the test appeal type from PORTAL, its routing naming HEALTH and signed by <paramref name="routingKey"/>.</summary>
    private static XmlDocument Request(SigningKey callerKey, SigningKey routingKey, Guid messageId, Guid? routedMessageId = null)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(RawEnvelopes.Envelope($"""
            <ns:SendRequestRequest xmlns:ns="{SmevNamespaces.Types}" xmlns:b="{SmevNamespaces.Basic}">
              <ns:SenderProvidedRequestData Id="SIGNED_BY_CONSUMER">
                <ns:MessageID>{messageId}</ns:MessageID>
                <b:MessagePrimaryContent><a:Appeal xmlns:a="{GatewayFixture.Appeal.NamespaceUri}"><a:Text>routed</a:Text></a:Appeal></b:MessagePrimaryContent>
              </ns:SenderProvidedRequestData>
              <ns:CallerInformationSystemSignature/>
            </ns:SendRequestRequest>
            """));
        var operation = (XmlElement)document.GetElementsByTagName("SendRequestRequest", SmevNamespaces.Types)[0]!;
        var data = (XmlElement)document.GetElementsByTagName("SenderProvidedRequestData", SmevNamespaces.Types)[0]!;
        var callerHolder = (XmlElement)document.GetElementsByTagName("CallerInformationSystemSignature", SmevNamespaces.Types)[0]!;
        callerHolder.AppendChild(XmlSigner.Sign(data, callerKey));
        var (information, routingHolder) = RoutingInstructions.Write(operation, routedMessageId ?? messageId, to: "HEALTH", territory: null);
        routingHolder.AppendChild(XmlSigner.Sign(information, routingKey));
        return document;
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(XmlDocument envelope)
    {
        using var content = new StringContent(envelope.OuterXml, Encoding.UTF8, "text/xml");
        using var response = await gateway.Http.PostAsync(gateway.SoapEndpoint, content, Token);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task routing_signed_by_the_sender_system_is_followed()
    {
        var (status, body) = await PostAsync(Request(gateway.Pki.Key("PORTAL"), gateway.Pki.Key("PORTAL"), MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow())));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("HEALTH", body);
    }

    [Fact]
    public async Task routing_signed_by_another_system_is_refused_and_nothing_is_stored()
    {
        var messageId = MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow());

        var (status, body) = await PostAsync(Request(gateway.Pki.Key("PORTAL"), gateway.Pki.Key("RSA_BODY"), messageId));

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("SignatureVerificationFault", body);
        Assert.Contains("EXCHANGE-401-ROUTING-SIGNER", body);
        Assert.Equal(0, await gateway.CountAsync($"SELECT count(*) FROM messages WHERE message_id = '{messageId}'"));
    }

    [Fact]
    public async Task routing_moved_from_another_message_is_refused()
    {
        var (status, body) = await PostAsync(Request(gateway.Pki.Key("PORTAL"), gateway.Pki.Key("PORTAL"),
            MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow()), routedMessageId: MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow().AddSeconds(-5))));

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("RoutingInformation names MessageID", body);
    }

    [Fact]
    public async Task routing_changed_after_signing_is_refused()
    {
        var envelope = Request(gateway.Pki.Key("PORTAL"), gateway.Pki.Key("PORTAL"), MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow()));
        envelope.GetElementsByTagName("IdentifierValue", SmevNamespaces.Routing)[0]!.InnerText = "RSA_BODY";

        var (status, body) = await PostAsync(envelope);

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("SignatureVerificationFault", body);
    }

    [Fact]
    public async Task routing_without_its_signature_is_refused()
    {
        var envelope = Request(gateway.Pki.Key("PORTAL"), gateway.Pki.Key("PORTAL"), MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow()));
        var holder = envelope.GetElementsByTagName("RoutingSignature", SmevNamespaces.Routing)[0]!;
        holder.RemoveAll();

        var (status, body) = await PostAsync(envelope);

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("RoutingSignature", body);
    }
}
