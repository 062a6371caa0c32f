using System.Text;
using Exchange.Domain.Messages;
using Exchange.Gateway.Delivery;
using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Tests;

/// <summary>Two nodes are upgraded one at a time: what one version put on the broker the next must still read.</summary>
public sealed class TransportCodecTests
{
    [Fact]
    public void a_message_serialised_before_sender_signatures_were_kept_is_still_read()
    {
        // What the gateway put on the broker before it kept the sender's signature (no senderSignature property).
        const string previousVersion = """
            {"messageId":"4f5c6a80-b4a1-11f0-8de9-0242ac120002","kind":"request","sender":"PORTAL","recipient":"HEALTH",
             "namespaceUri":"urn://exchange.test/appeal/1.0","rootElement":"Appeal","referenceMessageId":null,"transactionCode":null,
             "isTest":false,"contentSha256":"AQID","content":"<x/>","acceptedAt":"2026-11-25T10:00:00+00:00",
             "originalMessageId":null,"broadcastMessageId":null,"answerDueAt":null,"attachments":[],"endOfLife":null}
            """;

        var decoded = TransportCodec.Decode(Encoding.UTF8.GetBytes(previousVersion));

        Assert.Null(decoded.SenderSignature);
        Assert.Equal(Guid.Parse("4f5c6a80-b4a1-11f0-8de9-0242ac120002"), decoded.MessageId);
        Assert.Equal(("PORTAL", "HEALTH", "<x/>"), (decoded.Sender, decoded.Recipient, decoded.Content));
        Assert.Equal(new byte[] { 1, 2, 3 }, decoded.ContentSha256);
    }

    [Fact]
    public void the_senders_signature_travels_with_the_message()
    {
        var message = new AcceptedMessage(Guid.NewGuid(), MessageKind.Response, "HEALTH", "PORTAL", "urn:x", "A", null, null, false, [0], "<x/>",
            DateTimeOffset.UnixEpoch) { SenderSignature = "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"/>" };

        var decoded = TransportCodec.Decode(TransportCodec.Encode(message));

        Assert.Equal(message.SenderSignature, decoded.SenderSignature);
    }
}
