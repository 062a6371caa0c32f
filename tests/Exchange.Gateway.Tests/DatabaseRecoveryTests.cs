using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Faults;
using Exchange.Protocol;
using Exchange.Tests.Shared;
using Npgsql;

namespace Exchange.Gateway.Tests;

/// <summary>
/// The database goes away under a running gateway (every connection cut, no new ones allowed) and comes back: what was
/// accepted before is delivered once, what was sent meanwhile was refused as retryable and stored nowhere, and a resend
/// with the same MessageID then succeeds.
/// </summary>
public sealed class DatabaseRecoveryTests(RealClockGatewayFixture gateway) : IClassFixture<RealClockGatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task messages_survive_a_database_outage_and_a_send_refused_during_it_can_be_sent_again()
    {
        var portal = gateway.Client("PORTAL");
        var sent = await GatewayFixture.SendAppealsAsync(portal, 10, "before the outage");

        var during = MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow());
        await SetDatabaseDownAsync(down: true);
        try
        {
            var refused = await Assert.ThrowsAsync<ExchangeUnavailableException>(() =>
                portal.SendRequestAsync(BusinessDocuments.Appeal("during the outage"), new SendOptions(MessageId: during), Token));
            Assert.True(refused.IsRetryable);
        }
        finally
        {
            await SetDatabaseDownAsync(down: false);
        }

        Assert.Equal(0, await gateway.CountAsync($"SELECT count(*) FROM messages WHERE message_id = '{during}'"));
        sent.Add((await portal.SendRequestAsync(BusinessDocuments.Appeal("during the outage"), new SendOptions(MessageId: during), Token)).MessageId);

        var received = await gateway.ReceiveAllAsync("HEALTH", sent);
        Assert.Equal(sent.Order(), received.Where(sent.Contains).Order());
        await gateway.AssertNoneHandedOutAsync("HEALTH", sent);
    }

    [Fact]
    public async Task while_the_database_is_down_the_participant_api_answers_retryable_not_refused()
    {
        var issued = await new Directory.DirectoryAdmin(gateway, gateway.Admin()).IssueApiTokenAsync(GatewayFixture.SystemOf("PORTAL"), null);
        var token = issued.GetProperty("token").GetString()!;
        var unknown = MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow());

        await SetDatabaseDownAsync(down: true);
        System.Net.HttpStatusCode during;
        try
        {
            (during, _) = await Participants.ParticipantApi.StatusAsync(gateway, unknown, token);
        }
        finally
        {
            await SetDatabaseDownAsync(down: false);
        }
        // Pooled connections the outage cut may fail a first call or two afterwards: those are 503 too, then it passes.
        var after = System.Net.HttpStatusCode.ServiceUnavailable;
        await gateway.WaitUntilAsync(async () =>
            (after = (await Participants.ParticipantApi.StatusAsync(gateway, unknown, token)).Status) != System.Net.HttpStatusCode.ServiceUnavailable);

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, during);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, after);   // past the token check: the message is unknown
    }

    /// <summary>
    /// Down: no new connections to the database, and every open one terminated (as a crash would) — the idle ones of this
    /// process's pool too, which the fixture's counts use: they are dropped, or a count after the outage would fail on
    /// one depending on whether an earlier test of the class had counted.
    /// </summary>
    private async Task SetDatabaseDownAsync(bool down)
    {
        var database = new NpgsqlConnectionStringBuilder(gateway.ConnectionString).Database!;
        await using var admin = new NpgsqlConnection(TestServers.PostgresAdmin);
        await admin.OpenAsync(Token);
        await using (var allow = new NpgsqlCommand($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS {(down ? "false" : "true")}", admin))
        {
            await allow.ExecuteNonQueryAsync(Token);
        }
        if (down)
        {
            await using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", admin);
            terminate.Parameters.AddWithValue(database);
            await terminate.ExecuteScalarAsync(Token);
            await using var counts = new NpgsqlConnection(gateway.ConnectionString);
            NpgsqlConnection.ClearPool(counts);
        }
    }
}
