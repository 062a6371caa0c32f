using System.Security.Cryptography;
using Exchange.Gateway.Storage.Calls;

namespace Exchange.Gateway.Storage.Tests;

/// <summary>The replay cache: a call is recorded once, by whichever node comes first, and forgotten once it is old.</summary>
public sealed class ReplayCacheTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private ReplayCache Cache => new(fixture.DataSource);

    [Fact]
    public async Task a_call_is_recorded_the_first_time_only()
    {
        var call = RandomNumberGenerator.GetBytes(32);
        var keepUntil = fixture.Time.GetUtcNow().AddMinutes(5);

        Assert.True(await Cache.TryRecordAsync(call, keepUntil, Token));
        Assert.False(await Cache.TryRecordAsync(call, keepUntil, Token));
    }

    [Fact]
    public async Task of_the_same_call_arriving_at_several_nodes_at_once_exactly_one_is_recorded()
    {
        var call = RandomNumberGenerator.GetBytes(32);

        var recorded = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            new ReplayCache(fixture.DataSource).TryRecordAsync(call, fixture.Time.GetUtcNow().AddMinutes(5), Token)));

        Assert.Single(recorded, r => r);
    }

    [Fact]
    public async Task a_call_is_forgotten_only_after_it_was_to_be_kept()
    {
        var call = RandomNumberGenerator.GetBytes(32);
        var keepUntil = fixture.Time.GetUtcNow().AddMinutes(5);
        await Cache.TryRecordAsync(call, keepUntil, Token);

        await Cache.ForgetAsync(keepUntil, Token);
        Assert.False(await Cache.TryRecordAsync(call, keepUntil, Token));

        await Cache.ForgetAsync(keepUntil.AddMilliseconds(1), Token);
        Assert.True(await Cache.TryRecordAsync(call, keepUntil, Token));
    }
}
