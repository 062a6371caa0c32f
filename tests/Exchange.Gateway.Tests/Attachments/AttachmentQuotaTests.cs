using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Attachments;
using Exchange.Adapters.Sdk.Faults;
using Exchange.Protocol.Faults;

namespace Exchange.Gateway.Tests.Attachments;

/// <summary>A sender's daily attachment quota, counted in PostgreSQL from what it has stored, on a node configured with a small one.</summary>
public sealed class AttachmentQuotaTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_message_whose_files_exceed_what_is_left_of_the_quota_is_refused_and_not_stored()
    {
        await using var node = await gateway.StartNodeAsync("quota-node", new Dictionary<string, string?>
        {
            ["Exchange:Soap:AttachmentQuotaBytesPerDay"] = "100000",
        });
        var portal = gateway.ClientOf(node, "PORTAL");
        SendOptions Files(int size) => new(Attachments: [new OutgoingAttachment("file", "application/octet-stream", new byte[size])]);

        var first = await portal.SendRequestAsync(BusinessDocuments.Appeal("first"), Files(60_000), Token);
        var fault = await Assert.ThrowsAsync<ExchangeAttachmentLimitException>(() =>
            portal.SendRequestAsync(BusinessDocuments.Appeal("second"), Files(50_000), Token));
        var fitting = await portal.SendRequestAsync(BusinessDocuments.Appeal("third"), Files(40_000), Token);
        await node.StopAsync(Token);

        Assert.Equal("QuoteLimitExceeded", fault.Element);
        Assert.Equal(FaultCodes.AttachmentQuota, fault.Code);
        Assert.True(fault.IsQuota);
        Assert.Equal(["40000", "50000"], fault.Details);
        Assert.Equal(2, await gateway.CountAsync("SELECT count(*) FROM messages"));
        Assert.Equal(100_000, await gateway.CountAsync("SELECT sum(size) FROM message_attachments"));
        Assert.NotEqual(first.MessageId, fitting.MessageId);
    }
}
