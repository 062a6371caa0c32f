using System.Diagnostics;
using Exchange.Domain.Messages;
using Exchange.Domain.Messages.Search;
using Exchange.Gateway.Storage.Messages;
using Exchange.Gateway.Storage.Migrations;
using Exchange.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Exchange.Bench.Search;

/// <summary>
/// <c>scripts/bench.sh search</c>: fills a database of its own with generated messages (<see cref="GeneratedMessages"/>),
/// then times the console's typical searches through <see cref="MessageSearch"/> and <see cref="OverdueRequests"/>, each
/// run after run with its parameters varied, and prints p50/p95/max per search. The database is dropped after the run.
/// </summary>
internal static class SearchBench
{
    private const string Database = BenchServers.Name + "_search";
    // Page 201 of one sender's messages, or halfway through them when a small fill has fewer (50 a page).
    private const int DeepPage = 200;

    public static async Task<int> RunAsync(SearchSettings settings, CancellationToken cancellationToken)
    {
        await using var database = await TestDatabase.ReplaceAsync(Database, BenchServers.FromEnvironment(), cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(cancellationToken);

        Console.WriteLine("Exchange bench: message search (the operator console's queries) on generated messages");
        Console.WriteLine($"  messages          {settings.Messages:N0}, {GeneratedMessages.Participants} participants, 8 types, 90 days");
        Console.WriteLine($"  runs              {settings.Runs} per search, after {settings.Warmup} untimed");
        BenchReport.Machine();
        Console.WriteLine($"  PostgreSQL        {await ScalarAsync(dataSource, "SHOW server_version", cancellationToken)}, shared_buffers {await ScalarAsync(dataSource, "SHOW shared_buffers", cancellationToken)}");

        var now = DateTimeOffset.UtcNow;
        var fill = Stopwatch.StartNew();
        await GeneratedMessages.FillAsync(database.ConnectionString, settings.Messages, now, cancellationToken);
        Console.WriteLine($"  fill              {fill.Elapsed.TotalSeconds:0.0} s (one INSERT ... SELECT generate_series, then VACUUM ANALYZE), messages table and indexes " +
                          $"{await ScalarAsync(dataSource, "SELECT pg_size_pretty(pg_total_relation_size('messages'))", cancellationToken)}");

        var search = new MessageSearch(dataSource);
        var overdue = new OverdueRequests(dataSource);
        var depth = Math.Clamp(settings.Messages / GeneratedMessages.Participants / 50 / 2, 1, DeepPage);
        var deepCursor = await CursorAfterPagesAsync(search, new MessageQuery { Sender = GeneratedMessages.Participant(1) }, depth, now, cancellationToken);
        var searches = new (string Name, Func<int, Task<int>> Run)[]
        {
            ("first page, no filter", _ => FoundAsync(search, new MessageQuery(), now, cancellationToken)),
            ("sender + 7 days", run => FoundAsync(search, new MessageQuery
            {
                Sender = Participant(run), From = now.AddDays(-7 - run % 60), To = now.AddDays(-run % 60),
            }, now, cancellationToken)),
            ("recipient + status", run => FoundAsync(search, new MessageQuery
            {
                Recipient = Participant(run), Status = run % 2 == 0 ? MessageStatus.Failed : MessageStatus.Acknowledged,
            }, now, cancellationToken)),
            ("type + 30 days", run => FoundAsync(search, new MessageQuery
            {
                NamespaceUri = GeneratedMessages.TypeNamespace(run % 8), RootElement = GeneratedMessages.TypeRoot(run % 8),
                From = now.AddDays(-30), To = now,
            }, now, cancellationToken)),
            ("MessageID", run => FoundAsync(search, new MessageQuery
            {
                MessageId = GeneratedMessages.MessageId(1 + (int)((long)run * 7919 % settings.Messages)),
            }, now, cancellationToken)),
            ("overdue, first page", _ => FoundAsync(search, new MessageQuery { OverdueOnly = true }, now, cancellationToken)),
            ("overdue of a recipient", async run => (await overdue.OfRecipientAsync(Participant(run), now, 50, cancellationToken)).Count),
            ("overdue by recipient", async _ => (await overdue.ByRecipientAsync(now, cancellationToken)).Count),
            ($"sender, page {depth + 1} by cursor", _ => FoundAsync(search, new MessageQuery
            {
                Sender = GeneratedMessages.Participant(1), After = deepCursor,
            }, now, cancellationToken)),
        };

        Console.WriteLine();
        Console.WriteLine($"  latency, ms                    {"p50",8} {"p95",8} {"max",8}   rows on the last page");
        foreach (var (name, run) in searches)
        {
            for (var i = 0; i < settings.Warmup; i++)
            {
                await run(i);
            }
            var times = new List<double>(settings.Runs);
            var found = 0;
            for (var i = 0; i < settings.Runs; i++)
            {
                var started = Stopwatch.GetTimestamp();
                found = await run(i);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            var latency = LatencySummary.Of(times);
            Console.WriteLine($"    {name,-28} {latency.P50,8:0.00} {latency.P95,8:0.00} {latency.Max,8:0.00}   {found}");
        }
        return 0;
    }

    private static string Participant(int run) => GeneratedMessages.Participant(1 + run % GeneratedMessages.Participants);

    private static async Task<int> FoundAsync(MessageSearch search, MessageQuery query, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await search.SearchAsync(query, now, cancellationToken)).Messages.Count;

    private static async Task<string> CursorAfterPagesAsync(MessageSearch search, MessageQuery query, int pages, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        string? next = null;
        for (var page = 0; page < pages; page++)
        {
            next = (await search.SearchAsync(query with { After = next }, now, cancellationToken)).Next
                ?? throw new InvalidOperationException($"{query.Sender} has fewer than {pages} pages of messages; fill more (--messages).");
        }
        return next!;
    }

    private static async Task<string> ScalarAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
