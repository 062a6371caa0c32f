using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Attachments;
using Exchange.Adapters.Sdk.Faults;

namespace Exchange.Gateway.Tests.Attachments;

/// <summary>Files sent with a request and with its answer arrive byte for byte, inline and as MTOM, through the SDK.</summary>
public sealed class AttachmentFlowTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Bytes that would break a careless MIME or text handling: CR LF, "--", NUL, high bytes.</summary>
    private static byte[] File(int length, byte seed) =>
        Enumerable.Range(0, length).Select(i => i % 97 == 0 ? (byte)'\r' : i % 89 == 0 ? (byte)'-' : (byte)(i * seed)).ToArray();

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task files_travel_with_a_request_and_with_its_answer_unchanged(bool senderMtom, bool providerMtom)
    {
        var scan = File(40_000, 7);
        var form = File(1_000, 13);
        var sent = await gateway.Client("PORTAL", senderMtom).SendRequestAsync(BusinessDocuments.Appeal("with two files"),
            new SendOptions(Attachments:
            [
                new OutgoingAttachment("passport-scan", "image/jpeg", scan, SignWith: gateway.Pki.Key("OFFICER")),
                new OutgoingAttachment("form", "application/pdf", form),
            ]), Token);

        var request = await gateway.ReceiveAsync("HEALTH", sent.MessageId, providerMtom);
        await gateway.Client("HEALTH").AckAsync(request.MessageId, cancellationToken: Token);

        Assert.Equal(sent.MessageId, request.MessageId);
        Assert.Equal(["passport-scan", "form"], request.Attachments.Select(a => a.ContentId));
        Assert.Equal(scan, request.Attachments[0].Content.ToArray());
        Assert.Equal("image/jpeg", request.Attachments[0].MimeType);
        Assert.Equal(AttachmentSignatureStatus.Verified, request.Attachments[0].Signature);
        Assert.Equal(gateway.Pki.Key("OFFICER").CertificateDer, request.Attachments[0].SignerCertificate);
        Assert.Equal(form, request.Attachments[1].Content.ToArray());
        Assert.Equal(AttachmentSignatureStatus.Unsigned, request.Attachments[1].Signature);

        var certificate = File(5_000, 3);
        await gateway.Client("HEALTH", providerMtom).SendResponseAsync(request.ReplyTo!, BusinessDocuments.Appeal("done", root: "AppealAnswer"),
            [new OutgoingAttachment("certificate", "application/pdf", certificate, SignWith: gateway.Pki.Key("HEALTH"))], cancellationToken: Token);

        var response = await gateway.ReceiveResponseAsync("PORTAL", sent.MessageId, senderMtom);
        await gateway.Client("PORTAL").AckAsync(response.MessageId, cancellationToken: Token);
        var attachment = Assert.Single(response.Attachments);
        Assert.Equal(certificate, attachment.Content.ToArray());
        Assert.Equal(AttachmentSignatureStatus.Verified, attachment.Signature);
    }

    [Theory]
    [InlineData(true, "multipart/related")]
    [InlineData(false, "text/xml")]
    public async Task an_mtom_client_sends_and_is_answered_multipart_and_a_text_client_text(bool mtom, string mediaType)
    {
        var recorder = new MediaTypeRecorder();
        using var http = new HttpClient(recorder);
        var portal = new ExchangeClient(http, gateway.SoapEndpoint, gateway.Pki.Key("PORTAL"), gateway.Pki.Validator(), mtom, gateway.ClientTime);
        var sent = await portal.SendRequestAsync(BusinessDocuments.Appeal("packaging"),
            new SendOptions(Attachments: [new OutgoingAttachment("a", "text/plain", "x"u8.ToArray())]), Token);
        var health = new ExchangeClient(http, gateway.SoapEndpoint, gateway.Pki.Key("HEALTH"), gateway.Pki.Validator(), mtom, gateway.ClientTime);
        var received = await gateway.ReceiveAsync(health, sent.MessageId);
        await health.AckAsync(received.MessageId, cancellationToken: Token);

        Assert.All(recorder.Calls, call => Assert.Equal((mediaType, mediaType), call));
        Assert.Equal("x"u8.ToArray(), received.Attachments.Single().Content.ToArray());
    }

    [Fact]
    public async Task a_resend_with_the_same_files_gets_the_first_answer_and_with_another_file_is_refused()
    {
        var messageId = Exchange.Protocol.MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow());
        var portal = gateway.Client("PORTAL");
        OutgoingAttachment[] files = [new("note", "text/plain", "first version"u8.ToArray())];

        var first = await portal.SendRequestAsync(BusinessDocuments.Appeal("resent"), new SendOptions(messageId, Attachments: files), Token);
        var again = await portal.SendRequestAsync(BusinessDocuments.Appeal("resent"), new SendOptions(messageId, Attachments: files), Token);
        var fault = await Assert.ThrowsAsync<ExchangeMessageIdFaultException>(() => portal.SendRequestAsync(BusinessDocuments.Appeal("resent"),
            new SendOptions(messageId, Attachments: [new("note", "text/plain", "second version"u8.ToArray())]), Token));

        Assert.Equal(first.SendingTimestamp, again.SendingTimestamp);
        Assert.True(fault.IsAlreadySent);
        Assert.Equal(1, await gateway.CountAsync($"SELECT count(*) FROM message_attachments WHERE message_id = '{messageId}'"));
        var received = await gateway.ReceiveAsync("HEALTH", messageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);
        Assert.Equal("first version"u8.ToArray(), received.Attachments.Single().Content.ToArray());
    }

    [Fact]
    public async Task the_stored_attachment_keeps_its_size_digest_type_and_id()
    {
        var bytes = File(3_000, 5);
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("stored"),
            new SendOptions(Attachments: [new("plan", "image/png", bytes)]), Token);
        var received = await gateway.ReceiveAsync("HEALTH", sent.MessageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);

        var sha = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant();
        Assert.Equal(1, await gateway.CountAsync($"""
            SELECT count(*) FROM message_attachments
            WHERE message_id = '{sent.MessageId}' AND content_id = 'plan' AND mime_type = 'image/png' AND size = 3000
              AND encode(sha256, 'hex') = '{sha}' AND content = decode('{Convert.ToHexString(bytes)}', 'hex')
            """));
    }
}
