namespace Exchange.Gateway.Tests;

/// <summary>
/// How many rows of what an accepted message leaves behind the fixture's database holds. A class of tests that must
/// store nothing counts before and after each test: a difference is what that test stored, whatever earlier tests left.
/// </summary>
public sealed record StoredRows(long Messages, long Attachments, long Statuses, long Outbox)
{
    public static async Task<StoredRows> CountAsync(GatewayFixture gateway) => new(
        await gateway.CountAsync("SELECT count(*) FROM messages"),
        await gateway.CountAsync("SELECT count(*) FROM message_attachments"),
        await gateway.CountAsync("SELECT count(*) FROM message_status"),
        await gateway.CountAsync("SELECT count(*) FROM outbox"));
}
