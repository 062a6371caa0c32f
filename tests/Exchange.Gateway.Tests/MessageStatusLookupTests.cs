using System.Net;
using System.Xml;
using Exchange.Adapters.Sdk.Faults;
using Exchange.Protocol;
using Exchange.Signing.Xml;

namespace Exchange.Gateway.Tests;

/// <summary>GetMessageStatus, our SOAP extension: the sender and the recipient see a message's status; nobody else does.</summary>
public sealed class MessageStatusLookupTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task the_sender_and_the_recipient_see_the_status_and_the_whole_history()
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("where is it now?"), cancellationToken: Token);
        var received = await gateway.ReceiveAsync("HEALTH", sent.MessageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);

        var forSender = await gateway.Client("PORTAL").GetMessageStatusAsync(sent.MessageId, Token);
        var forRecipient = await gateway.Client("HEALTH").GetMessageStatusAsync(sent.MessageId, Token);

        Assert.Equal(sent.MessageId, forSender.MessageId);
        Assert.Equal(("PORTAL", "HEALTH"), (forSender.Sender, forSender.Recipient));
        Assert.Equal("acknowledged", forSender.Status);
        Assert.Equal("messageIsDelivered", forSender.InteractionStatus);
        Assert.Equal(["accepted", "queued", "delivered", "acknowledged"], forSender.History.Select(h => h.Status));
        Assert.Equal(forSender.History[^1].At, forSender.StatusChangeTimestamp);
        Assert.Equal("HEALTH", forSender.History[^1].Actor);
        Assert.Equal(forSender.History.Select(h => h.Status), forRecipient.History.Select(h => h.Status));
    }

    [Fact]
    public async Task for_a_participant_that_neither_sent_nor_received_it_the_message_does_not_exist()
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("not yours"), cancellationToken: Token);
        var unknown = MessageIds.NewVersion1(gateway.Clock.GetUtcNow());

        var stranger = await Assert.ThrowsAsync<ExchangeRoutingFaultException>(() =>
            gateway.Client("RSA_BODY").GetMessageStatusAsync(sent.MessageId, Token));
        var nobody = await Assert.ThrowsAsync<ExchangeRoutingFaultException>(() =>
            gateway.Client("RSA_BODY").GetMessageStatusAsync(unknown, Token));

        Assert.Equal("TargetMessageIsNotFound", stranger.Element);
        Assert.Equal(nobody.Code, stranger.Code);
        Assert.Equal(nobody.Message.Replace(unknown.ToString(), "ID"), stranger.Message.Replace(sent.MessageId.ToString(), "ID"));
    }

    [Fact]
    public async Task an_unknown_message_is_target_message_is_not_found()
    {
        var fault = await Assert.ThrowsAsync<ExchangeRoutingFaultException>(() =>
            gateway.Client("PORTAL").GetMessageStatusAsync(MessageIds.NewVersion1(gateway.Clock.GetUtcNow()), Token));

        Assert.Equal("TargetMessageIsNotFound", fault.Element);
    }

    [Fact]
    public async Task a_hand_written_lookup_gets_a_signed_answer_in_the_extension_namespace()
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("by hand"), cancellationToken: Token);
        var envelope = RawEnvelopes.SignedAsCaller(RawSoapTests.StatusLookup(sent.MessageId), gateway.Pki.Key("PORTAL"));

        using var content = new StringContent(envelope, System.Text.Encoding.UTF8, "text/xml");
        using var request = new HttpRequestMessage(HttpMethod.Post, gateway.SoapEndpoint) { Content = content };
        request.Headers.Add("SOAPAction", "\"urn:GetMessageStatus\"");
        using var response = await gateway.CheckedHttp.SendAsync(request, Token);
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(await response.Content.ReadAsStringAsync(Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (XmlElement)document.GetElementsByTagName("GetMessageStatusResponse", ExchangeNamespaces.MessageStatus)[0]!;
        var status = (XmlElement)answer.GetElementsByTagName("MessageStatus", ExchangeNamespaces.MessageStatus)[0]!;
        var signature = (XmlElement)answer.GetElementsByTagName("SMEVSignature", ExchangeNamespaces.MessageStatus)[0]!;
        Assert.Equal(sent.MessageId.ToString(), status["MessageId", ExchangeNamespaces.MessageStatus]!.InnerText);
        Assert.Equal(gateway.Pki.Key("GATEWAY").CertificateDer, XmlSignatureVerifier.Verify(signature, status).CertificateDer);
    }
}
