using System.Text;
using Exchange.Domain.Delivery;
using Exchange.Gateway.Broker.Envelopes;

namespace Exchange.Gateway.Broker.Tests.Envelopes;

/// <summary>
/// Nodes are upgraded one at a time: what the previous release put on the broker this one must still read, and a
/// version it does not know is refused as that message's failure.
/// </summary>
public sealed class DeliveryEnvelopeTests
{
    /// <summary>
    /// A request with an attachment and the sender's signature, as the release before envelope v1 published it (its
    /// <c>TransportCodec</c> over the whole stored message, no AMQP type).
    /// </summary>
    public static byte[] PreviousReleaseBody() =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Envelopes", "v0-request-with-attachment.json"));

    [Fact]
    public void a_v0_body_as_the_previous_release_published_it_reads_as_its_message_and_recipient()
    {
        var relayed = DeliveryEnvelope.Decode(type: null, PreviousReleaseBody());

        Assert.Equal(new RelayedMessage(Guid.Parse("95adf001-22a2-11f6-bcf2-2b7cab28a5aa"), "HEALTH"), relayed);
    }

    [Fact]
    public void a_v0_body_from_before_sender_signatures_were_kept_is_still_read()
    {
        const string earlier = """
            {"messageId":"4f5c6a80-b4a1-11f0-8de9-0242ac120002","kind":"request","sender":"PORTAL","recipient":"HEALTH",
             "namespaceUri":"urn://exchange.test/appeal/1.0","rootElement":"Appeal","referenceMessageId":null,"transactionCode":null,
             "isTest":false,"contentSha256":"AQID","content":"<x/>","acceptedAt":"2026-11-25T10:00:00+00:00",
             "originalMessageId":null,"broadcastMessageId":null,"answerDueAt":null,"attachments":[],"endOfLife":null}
            """;

        var relayed = DeliveryEnvelope.Decode(type: null, Encoding.UTF8.GetBytes(earlier));

        Assert.Equal(new RelayedMessage(Guid.Parse("4f5c6a80-b4a1-11f0-8de9-0242ac120002"), "HEALTH"), relayed);
    }

    [Fact]
    public void a_v1_envelope_names_its_version_carries_only_the_claim_check_and_reads_back()
    {
        var relayed = new RelayedMessage(Guid.Parse("95adf001-22a2-11f6-bcf2-2b7cab28a5aa"), "HEALTH");

        var envelope = DeliveryEnvelope.Encode(relayed);

        Assert.Equal(("exchange.delivery.v1", "HEALTH", relayed.MessageId.ToString()), (envelope.Type, envelope.Recipient, envelope.MessageId));
        Assert.Equal("""{"messageId":"95adf001-22a2-11f6-bcf2-2b7cab28a5aa","recipient":"HEALTH"}""", Encoding.UTF8.GetString(envelope.Body.Span));
        Assert.Equal(relayed, DeliveryEnvelope.Decode(envelope.Type, envelope.Body));
    }

    [Fact]
    public void an_unknown_version_is_refused_naming_it()
    {
        var body = DeliveryEnvelope.Encode(new RelayedMessage(Guid.NewGuid(), "HEALTH")).Body;

        var refusal = Assert.Throws<UnreadableEnvelopeException>(() => DeliveryEnvelope.Decode("exchange.delivery.v2", body));

        Assert.Contains("'exchange.delivery.v2' is unknown", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DeliveryEnvelope.V1, "not json")]
    [InlineData(DeliveryEnvelope.V1, """{"messageId":"95adf001-22a2-11f6-bcf2-2b7cab28a5aa"}""")]
    [InlineData(DeliveryEnvelope.V1, """{"messageId":"95adf001-22a2-11f6-bcf2-2b7cab28a5aa","recipient":null}""")]
    [InlineData(DeliveryEnvelope.V1, """{"messageId":"not an id","recipient":"HEALTH"}""")]
    [InlineData(null, "null")]
    [InlineData(null, """{"recipient":"HEALTH"}""")]
    public void a_body_its_version_cannot_read_is_refused(string? type, string body)
    {
        Assert.Throws<UnreadableEnvelopeException>(() => DeliveryEnvelope.Decode(type, Encoding.UTF8.GetBytes(body)));
    }
}
