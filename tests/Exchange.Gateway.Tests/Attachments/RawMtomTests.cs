using System.Net;
using System.Text;
using System.Xml;
using Exchange.Protocol;
using Exchange.Signing.Xml;
using Exchange.Tests.Shared;
using static Exchange.Gateway.Tests.RawEnvelopes;

namespace Exchange.Gateway.Tests.Attachments;

/// <summary>
/// Hand-written MTOM on the wire: a signed request whose file is a binary part is accepted (its signature checked on
/// the XML as received), and the recipient gets the file back as a part when it asks with MTOM, as base64 when it asks
/// with text/xml — outside the Request that SMEVSignature covers either way.
/// </summary>
public sealed class RawMtomTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static readonly byte[] Pdf = [0x25, 0x50, 0x44, 0x46, 0x0D, 0x0A, 0x2D, 0x2D, 0x00, 0xFF, 0x0D, 0x0A];
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string GetRequest() => SignedAsCaller(Envelope($"""
        <ns:GetRequestRequest xmlns:ns="{SmevNamespaces.Types}" xmlns:b="{SmevNamespaces.Basic}">
          <b:MessageTypeSelector Id="SIGNED_BY_CALLER"><b:Timestamp>{XmlConvert.ToString(gateway.ClientTime.GetUtcNow())}</b:Timestamp></b:MessageTypeSelector>
          <ns:CallerInformationSystemSignature/>
        </ns:GetRequestRequest>
        """), gateway.Pki.Key("HEALTH"));

    [Fact]
    public async Task a_file_sent_as_a_binary_part_comes_back_as_a_part_to_an_mtom_recipient_and_as_base64_to_a_text_one()
    {
        var send = SendRequest(gateway.Pki.Key("PORTAL"), gateway.ClientTime.GetUtcNow(), Header("scan"), Include("scan", "scan%40portal"));
        var messageId = MessageIdOf(send);
        var accepted = await RawAnswer.PostAsync(gateway.Http, gateway.SoapEndpoint, MultipartBody.Of(send, ("scan@portal", Pdf)),
            MultipartBody.ContentType(), "SendRequest", Token);
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.True(accepted.IsMtom);
        Assert.Equal("SendRequestResponse", accepted.Answer.LocalName);

        var asMtom = await ReceiveAsync(messageId, mtom: true);
        Assert.True(asMtom.IsMtom);
        var mtomMessage = RequestMessage(asMtom);
        var include = (XmlElement)mtomMessage.GetElementsByTagName("Include", SmevNamespaces.Xop)[0]!;
        var partId = Uri.UnescapeDataString(include.GetAttribute("href")["cid:".Length..]);
        Assert.Equal(Pdf, asMtom.Mtom.Parts[partId].ToArray());
        VerifySmevSignature(mtomMessage);

        // Not acknowledged: the lease is broken so the same message is handed out again, now to a text/xml caller.
        var past = gateway.Clock.GetUtcNow().AddSeconds(-1).ToString("O");
        await gateway.WaitUntilAsync(async () => await gateway.CountAsync(
            $"UPDATE inbox SET available_at = '{past}' WHERE recipient = 'HEALTH' AND message_id = $1 RETURNING 1", messageId) == 1);
        var asText = await ReceiveAsync(messageId, mtom: false);
        Assert.StartsWith("text/xml", asText.ContentType, StringComparison.Ordinal);
        var textMessage = RequestMessage(asText);
        var content = (XmlElement)textMessage.GetElementsByTagName("Content", SmevNamespaces.Basic)[0]!;
        Assert.Equal(Pdf, Convert.FromBase64String(content.InnerText));
        VerifySmevSignature(textMessage);

        await gateway.Client("HEALTH").AckAsync(messageId, cancellationToken: Token);
    }

    private static Guid MessageIdOf(string envelope)
    {
        var document = new XmlDocument();
        document.LoadXml(envelope);
        return Guid.Parse(document.GetElementsByTagName("MessageID", SmevNamespaces.Types)[0]!.InnerText);
    }

    /// <summary>
    /// Polls GetRequest until it hands out the request <paramref name="messageId"/>; requests that earlier tests left in
    /// HEALTH's queue are acknowledged on the way.
    /// </summary>
    private async Task<RawAnswer> ReceiveAsync(Guid messageId, bool mtom)
    {
        RawAnswer? answer = null;
        await gateway.WaitUntilAsync(async () =>
        {
            var envelope = GetRequest();
            answer = await RawAnswer.PostAsync(gateway.Http, gateway.SoapEndpoint,
                mtom ? MultipartBody.Of(envelope) : Encoding.UTF8.GetBytes(envelope),
                mtom ? MultipartBody.ContentType() : "text/xml; charset=utf-8", "GetRequest", Token);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            var handedOut = answer.Answer.GetElementsByTagName("MessageID", SmevNamespaces.Types);
            if (handedOut.Count == 0)
            {
                return false;
            }
            var handedOutId = Guid.Parse(handedOut[0]!.InnerText);
            if (handedOutId != messageId)
            {
                await gateway.Client("HEALTH").AckAsync(handedOutId, cancellationToken: Token);
            }
            return handedOutId == messageId;
        });
        return answer!;
    }

    private static XmlElement RequestMessage(RawAnswer answer)
    {
        var message = answer.Answer.ChildNodes.OfType<XmlElement>().Single();
        Assert.Equal(["Request", "AttachmentContentList", "SMEVSignature"], message.ChildNodes.OfType<XmlElement>().Select(e => e.LocalName));
        return message;
    }

    private void VerifySmevSignature(XmlElement message)
    {
        var request = (XmlElement)message.GetElementsByTagName("Request", SmevNamespaces.Types)[0]!;
        var holder = (XmlElement)message.GetElementsByTagName("SMEVSignature", SmevNamespaces.Types)[0]!;
        Assert.Equal(gateway.Pki.Key("GATEWAY").CertificateDer, XmlSignatureVerifier.Verify(holder, request).CertificateDer);
    }
}
