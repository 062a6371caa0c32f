using Exchange.Gateway.Storage.Activity;

namespace Exchange.Gateway.Storage.Tests;

/// <summary>
/// The dashboard's per-minute counts: each node adds to rows of its own, readers sum over nodes, old rows go a batch at
/// a time. Each test works in a year of its own (the deleting one in the earliest), so it reads and deletes only rows it wrote.
/// </summary>
public sealed class ActivityMinutesTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private ActivityMinutes Activity => new(fixture.DataSource);

    [Fact]
    public async Task counts_of_several_writes_and_nodes_add_up_and_readers_sum_them_over_nodes()
    {
        var minute = new DateTimeOffset(2031, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var next = minute.AddMinutes(1);

        await Activity.AddAsync("node-a", [new(minute, "accepted", "PORTAL", 2), new(minute, "fault", "SMEV-1", 1)], Token);
        await Activity.AddAsync("node-a", [new(minute, "accepted", "PORTAL", 1)], Token);
        await Activity.AddAsync("node-b", [new(minute, "accepted", "HEALTH", 4), new(next, "accepted", "PORTAL", 1)], Token);

        Assert.Equal(3, await fixture.CountAsync(
            "SELECT count FROM activity_minutes WHERE minute = $1 AND node = 'node-a' AND metric = 'accepted' AND key = 'PORTAL'", minute));
        Assert.Equal(
            [new ActivityCount(minute, "accepted", "", 7), new ActivityCount(next, "accepted", "", 1)],
            (await Activity.PerMinuteAsync(minute, next.AddMinutes(1), ["accepted"], Token)).OrderBy(c => c.Minute));
        Assert.Equal(
            [new ActivityCount(minute, "accepted", "HEALTH", 4), new ActivityCount(minute, "accepted", "PORTAL", 4), new ActivityCount(minute, "fault", "SMEV-1", 1)],
            (await Activity.TotalsByKeyAsync(minute, next.AddMinutes(1), ["accepted", "fault"], Token)).OrderBy(c => c.Metric).ThenBy(c => c.Key, StringComparer.Ordinal));
        Assert.Empty(await Activity.PerMinuteAsync(next.AddMinutes(1), next.AddMinutes(2), ["accepted"], Token));
    }

    [Fact]
    public async Task rows_older_than_the_cut_are_deleted_at_most_a_batch_at_a_time()
    {
        var cut = new DateTimeOffset(2029, 3, 1, 10, 0, 0, TimeSpan.Zero);
        await Activity.AddAsync("node-a", [.. Enumerable.Range(1, 5).Select(i => new ActivityCount(cut.AddMinutes(-i), "queued", "", 1)),
            new ActivityCount(cut, "queued", "", 1)], Token);

        var deleted = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            deleted.Add(await Activity.DeleteOlderThanAsync(cut, 2, Token));
        }

        Assert.Equal([2, 2, 1, 0], deleted);
        Assert.Equal([new ActivityCount(cut, "queued", "", 1)], await Activity.PerMinuteAsync(cut.AddDays(-1), cut.AddDays(1), ["queued"], Token));
    }
}
