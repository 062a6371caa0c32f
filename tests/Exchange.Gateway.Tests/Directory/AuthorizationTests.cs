using Exchange.Adapters.Sdk.Faults;

namespace Exchange.Gateway.Tests.Directory;

/// <summary>
/// The caller is the information system whose certificate signed the call: it reads only its participant's queue,
/// acknowledges only messages handed to it, and a certificate retired from the directory is refused from the next call.
/// </summary>
public sealed class AuthorizationTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_caller_reads_only_its_own_queue_and_cannot_acknowledge_anothers_message()
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("for HEALTH only"), cancellationToken: Token);
        await gateway.WaitUntilAsync(async () => await gateway.CountAsync(
            $"SELECT count(*) FROM inbox WHERE message_id = '{sent.MessageId}'") == 1);

        // Another participant's Get finds nothing of HEALTH's; its Ack of HEALTH's message finds no such message of its own.
        await gateway.AssertNoneHandedOutAsync("RSA_BODY", [sent.MessageId]);
        var refused = await Assert.ThrowsAnyAsync<ExchangeFaultException>(() => gateway.Client("RSA_BODY").AckAsync(sent.MessageId, cancellationToken: Token));
        Assert.Equal("TargetMessageIsNotFound", refused.Element);

        var received = await gateway.ReceiveAsync("HEALTH", sent.MessageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);
        var history = await gateway.Client("PORTAL").GetMessageStatusAsync(sent.MessageId, Token);
        Assert.Equal("HEALTH", history.History.Single(h => h.Status == "acknowledged").Actor);
    }

    [Fact]
    public async Task a_rolled_over_key_works_alongside_the_old_one_until_the_old_certificate_is_retired()
    {
        var admin = new DirectoryAdmin(gateway, gateway.Admin());
        await admin.AddParticipantAsync("ROLLOVER", "regional_body");
        var system = GatewayFixture.SystemOf("ROLLOVER");
        var newThumbprint = await admin.AddCertificateAsync(system, "ROLLOVER_NEW_KEY");
        var directory = await admin.SendAsync(HttpMethod.Get, "/api/admin/directory", null);
        var oldThumbprint = directory.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("mnemonic").GetString() == "ROLLOVER")
            .GetProperty("systems")[0].GetProperty("certificates").EnumerateArray()
            .Select(c => c.GetProperty("thumbprint").GetString()!).Single(t => t != newThumbprint);

        Assert.Null(await gateway.Client(system).GetRequestAsync(cancellationToken: Token));
        Assert.Null(await gateway.Client("ROLLOVER_NEW_KEY").GetRequestAsync(cancellationToken: Token));

        await admin.RetireCertificateAsync(oldThumbprint);

        var refused = await Assert.ThrowsAsync<ExchangeRoutingFaultException>(() => gateway.Client(system).GetRequestAsync(cancellationToken: Token));
        Assert.Equal("SenderIsNotRegistered", refused.Element);
        Assert.Contains("retired", refused.Message);
        Assert.Null(await gateway.Client("ROLLOVER_NEW_KEY").GetRequestAsync(cancellationToken: Token));
    }

    [Fact]
    public async Task a_retired_participant_can_no_longer_call_nor_be_sent_to()
    {
        var admin = new DirectoryAdmin(gateway, gateway.Admin());
        await admin.AddParticipantAsync("CLOSED", "institution");
        Assert.Null(await gateway.Client(GatewayFixture.SystemOf("CLOSED")).GetRequestAsync(cancellationToken: Token));

        await admin.SendAsync(HttpMethod.Delete, "/api/admin/participants/CLOSED", null);

        var refused = await Assert.ThrowsAsync<ExchangeRoutingFaultException>(() =>
            gateway.Client(GatewayFixture.SystemOf("CLOSED")).GetRequestAsync(cancellationToken: Token));
        Assert.Equal("SenderIsNotRegistered", refused.Element);
        var unreachable = await Assert.ThrowsAsync<ExchangeRoutingFaultException>(() => gateway.Client("PORTAL").SendRequestAsync(
            BusinessDocuments.Appeal("anyone there?"), new Adapters.Sdk.SendOptions(To: "CLOSED"), Token));
        Assert.Equal("RecipientIsNotFound", unreachable.Element);
    }
}
