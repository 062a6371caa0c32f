using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Attachments;
using Exchange.Adapters.Sdk.Faults;
using Exchange.Gateway.Tests.Directory;
using Exchange.Protocol.Faults;

namespace Exchange.Gateway.Tests.Attachments;

/// <summary>
/// A sender's daily attachment quota, counted in PostgreSQL from what it has stored, on a node configured with a small one.
/// The sender is the test's own participant, so what other tests send does not eat into its quota.
/// </summary>
public sealed class AttachmentQuotaTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_message_whose_files_exceed_what_is_left_of_the_quota_is_refused_and_not_stored()
    {
        await new DirectoryAdmin(gateway, gateway.Admin()).AddParticipantAsync("QUOTA_SENDER", "regional_body");
        await using var node = await gateway.StartNodeAsync("quota-node", new Dictionary<string, string?>
        {
            ["Exchange:Soap:AttachmentQuotaBytesPerDay"] = "100000",
        });
        var sender = gateway.ClientOf(node, GatewayFixture.SystemOf("QUOTA_SENDER"));
        SendOptions Files(int size) => new(Attachments: [new OutgoingAttachment("file", "application/octet-stream", new byte[size])]);

        var first = await sender.SendRequestAsync(BusinessDocuments.Appeal("first"), Files(60_000), Token);
        var fault = await Assert.ThrowsAsync<ExchangeAttachmentLimitException>(() =>
            sender.SendRequestAsync(BusinessDocuments.Appeal("second"), Files(50_000), Token));
        var fitting = await sender.SendRequestAsync(BusinessDocuments.Appeal("third"), Files(40_000), Token);
        await node.StopAsync(Token);

        Assert.Equal("QuoteLimitExceeded", fault.Element);
        Assert.Equal(FaultCodes.AttachmentQuota, fault.Code);
        Assert.True(fault.IsQuota);
        Assert.Equal(["40000", "50000"], fault.Details);
        Assert.Equal(2, await gateway.CountAsync("SELECT count(*) FROM messages WHERE sender = 'QUOTA_SENDER'"));
        Assert.Equal(100_000, await gateway.CountAsync(
            "SELECT sum(a.size) FROM message_attachments a JOIN messages m USING (message_id) WHERE m.sender = 'QUOTA_SENDER'"));
        Assert.NotEqual(first.MessageId, fitting.MessageId);
    }
}
