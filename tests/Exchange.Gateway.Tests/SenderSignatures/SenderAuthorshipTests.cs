using System.Security.Cryptography;
using System.Xml;
using Exchange.Adapters.Sdk;
using Exchange.Protocol;
using Exchange.Protocol.Xml;
using Exchange.Signing.Certificates;
using Exchange.Signing.Xml;

namespace Exchange.Gateway.Tests.SenderSignatures;

/// <summary>
/// SMEV's SenderInformationSystemSignature: the sender's own signature over its data reaches the recipient inside the
/// gateway-signed Request/Response (every envelope here is checked against the official schemas), and the SDK proves
/// from it who wrote the message, independently of the gateway.
/// </summary>
public sealed class SenderAuthorshipTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_received_request_proves_its_sender_by_the_senders_own_signature()
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("written by the portal"), cancellationToken: Token);

        var received = await gateway.ReceiveAsync("HEALTH", sent.MessageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);

        AssertProvenBy("PORTAL", received.Authorship);
        AssertSignatureVerifiesWhereDelivered(received.RequestData, "PORTAL");
    }

    [Fact]
    public async Task a_received_response_proves_its_responder_by_the_responders_own_signature()
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("who answers?"), cancellationToken: Token);
        var request = await gateway.ReceiveAsync("HEALTH", sent.MessageId);
        await gateway.Client("HEALTH").AckAsync(request.MessageId, cancellationToken: Token);
        await gateway.Client("HEALTH").SendResponseAsync(request.ReplyTo!, BusinessDocuments.Appeal("we do", root: "AppealAnswer"), cancellationToken: Token);

        var response = await gateway.ReceiveResponseAsync("PORTAL", sent.MessageId);
        await gateway.Client("PORTAL").AckAsync(response.MessageId, cancellationToken: Token);

        AssertProvenBy("HEALTH", response.Authorship);
        AssertSignatureVerifiesWhereDelivered(response.ResponseData, "HEALTH");
    }

    [Fact]
    public async Task a_request_changed_and_signed_again_by_the_gateways_key_is_not_proven()
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("pay 100 roubles"), cancellationToken: Token);
        using var http = new HttpClient(new RewritingGateway(gateway.Pki.Key("GATEWAY"), data =>
        {
            var text = data.GetElementsByTagName("Text", GatewayFixture.Appeal.NamespaceUri).Cast<XmlElement>().Single();
            text.InnerText = "pay 100 000 roubles";
        }));
        var health = new ExchangeClient(http, gateway.SoapEndpoint, gateway.Pki.Key("HEALTH"), gateway.Pki.Validator(), time: gateway.ClientTime);

        var received = await gateway.ReceiveAsync(health, sent.MessageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);

        Assert.Equal("pay 100 000 roubles", received.BusinessContent.InnerText);
        Assert.Equal(AuthorshipStatus.Invalid, received.Authorship.Status);
        Assert.False(received.Authorship.IsProven);
        Assert.Null(received.Authorship.Signer);
        Assert.Contains(nameof(SignatureError.DigestMismatch), received.Authorship.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_request_whose_signer_the_recipient_does_not_trust_is_not_proven()
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("signed before revocation"), cancellationToken: Token);
        // The recipient's CRL revokes PORTAL's certificate (the gateway's own is still good).
        var trust = new CertificateValidator(new TrustStore([gateway.Pki.Authority.CertificateDer], [gateway.Pki.CrlRevoking("PORTAL")], requireCrl: true));
        var health = new ExchangeClient(gateway.CheckedHttp, gateway.SoapEndpoint, gateway.Pki.Key("HEALTH"), trust, time: gateway.ClientTime);

        var received = await gateway.ReceiveAsync(health, sent.MessageId);
        await health.AckAsync(received.MessageId, cancellationToken: Token);

        Assert.Equal(AuthorshipStatus.Untrusted, received.Authorship.Status);
        Assert.Null(received.Authorship.Signer);
        Assert.Contains(nameof(SignatureError.CertificateRevoked), received.Authorship.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_request_accepted_before_signatures_were_kept_arrives_unsigned_and_not_proven()
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("from the previous version"), cancellationToken: Token);
        // As a gateway before migration 0014 left it: the message row without the sender's signature.
        Assert.Equal(1, await gateway.CountAsync(
            $"WITH kept AS (UPDATE messages SET sender_signature = NULL WHERE message_id = '{sent.MessageId}' RETURNING 1) SELECT count(*) FROM kept"));

        var received = await gateway.ReceiveAsync("HEALTH", sent.MessageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);

        Assert.Equal(AuthorshipStatus.Unsigned, received.Authorship.Status);
        Assert.Null(received.Authorship.Signer);
        Assert.Null(((XmlElement)received.RequestData.ParentNode!).OptionalChild(SmevNamespaces.Types, "SenderInformationSystemSignature"));
    }

    private void AssertProvenBy(string participant, Authorship authorship)
    {
        var certificate = gateway.Pki.Key(participant).CertificateDer;
        Assert.Equal(AuthorshipStatus.Proven, authorship.Status);
        Assert.True(authorship.IsProven);
        Assert.Null(authorship.Problem);
        Assert.Equal(certificate, authorship.Signer!.Certificate);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(certificate)), authorship.Signer.Thumbprint);
        Assert.Equal($"CN={participant}", authorship.Signer.Subject);
    }

    /// <summary>
    /// The sender's signature, re-embedded by the gateway in its Request/Response, still verifies over the sender's data
    /// exactly where it was delivered, and it is the one the sender made.
    /// </summary>
    private void AssertSignatureVerifiesWhereDelivered(XmlElement senderData, string participant)
    {
        var delivered = (XmlElement)senderData.ParentNode!;
        var holder = delivered.RequiredChild(SmevNamespaces.Types, "SenderInformationSystemSignature");
        Assert.Same(delivered.LastChild, holder);
        var verified = XmlSignatureVerifier.Verify(holder, senderData);
        Assert.Equal(gateway.Pki.Key(participant).CertificateDer, verified.CertificateDer);
        Assert.True(verified.SmevTransform);
    }
}
