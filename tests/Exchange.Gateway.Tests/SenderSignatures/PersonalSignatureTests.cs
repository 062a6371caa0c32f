using System.Xml;
using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Faults;
using Exchange.Protocol;
using Exchange.Protocol.Xml;
using Exchange.Signing.Xml;

namespace Exchange.Gateway.Tests.SenderSignatures;

/// <summary>An officer's personal signature (ЭП-СП) is checked alike on a request and on a response, and refused alike.</summary>
public sealed class PersonalSignatureTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> Operations => ["SendRequest", "SendResponse"];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task an_officers_personal_signature_is_checked_and_reaches_the_recipient(string operation)
    {
        var sent = await SendSignedByAsync(operation, "OFFICER", MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow()));

        var (data, business) = await ReceiveAsync(operation, sent);

        var personal = data.RequiredChild(SmevNamespaces.Types, "PersonalSignature");
        var verified = XmlSignatureVerifier.Verify(personal, business);
        Assert.Equal(gateway.Pki.Key("OFFICER").CertificateDer, verified.CertificateDer);
    }

    [Theory]
    [InlineData("SendRequest", "UNTRUSTED", "EXCHANGE-401-PERSONAL-CertificateUntrusted")]
    [InlineData("SendResponse", "UNTRUSTED", "EXCHANGE-401-PERSONAL-CertificateUntrusted")]
    [InlineData("SendRequest", "EXPIRED", "EXCHANGE-401-PERSONAL-CertificateExpired")]
    [InlineData("SendResponse", "EXPIRED", "EXCHANGE-401-PERSONAL-CertificateExpired")]
    [InlineData("SendResponse", "REVOKED", "EXCHANGE-401-PERSONAL-CertificateRevoked")]
    public async Task a_personal_signature_by_a_certificate_that_is_not_trusted_is_refused_and_nothing_is_stored(
        string operation, string officer, string code)
    {
        var messageId = MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow());

        var fault = await Assert.ThrowsAsync<ExchangeSignatureFaultException>(() => SendSignedByAsync(operation, officer, messageId));

        Assert.Equal(code, fault.Code);
        Assert.Equal(0, await gateway.CountAsync($"SELECT count(*) FROM messages WHERE message_id = '{messageId}'"));
    }

    /// <summary>
    /// Sends <paramref name="messageId"/> with a business document signed by <paramref name="officer"/>: a request from
    /// PORTAL to HEALTH, or HEALTH's response to a request it received from PORTAL.
    /// </summary>
    /// <returns>The id to wait for: the request's for SendRequest, the answered request's for SendResponse.</returns>
    private async Task<Guid> SendSignedByAsync(string operation, string officer, Guid messageId)
    {
        var officerKey = gateway.Pki.Key(officer);
        if (operation == "SendRequest")
        {
            var content = BusinessDocuments.Appeal($"signed by {officer}", id: "PERSONAL_SIGNATURE");
            await gateway.Client("PORTAL").SendRequestAsync(content, new SendOptions(messageId, PersonalKey: officerKey), Token);
            return messageId;
        }
        var request = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("please answer"), cancellationToken: Token);
        var received = await gateway.ReceiveAsync("HEALTH", request.MessageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);
        var answer = BusinessDocuments.Appeal($"answered by {officer}", root: "AppealAnswer", id: "PERSONAL_SIGNATURE");
        await gateway.Client("HEALTH").SendResponseAsync(received.ReplyTo!, answer, new ResponseOptions(messageId, PersonalKey: officerKey), Token);
        return request.MessageId;
    }

    /// <summary>The sender's data and business document as the recipient of what <see cref="SendSignedByAsync"/> sent gets them.</summary>
    private async Task<(XmlElement Data, XmlElement Business)> ReceiveAsync(string operation, Guid sent)
    {
        if (operation == "SendRequest")
        {
            var request = await gateway.ReceiveAsync("HEALTH", sent);
            await gateway.Client("HEALTH").AckAsync(request.MessageId, cancellationToken: Token);
            return (request.RequestData, request.BusinessContent);
        }
        var response = await gateway.ReceiveResponseAsync("PORTAL", sent);
        await gateway.Client("PORTAL").AckAsync(response.MessageId, cancellationToken: Token);
        return (response.ResponseData, response.BusinessContent!);
    }
}
