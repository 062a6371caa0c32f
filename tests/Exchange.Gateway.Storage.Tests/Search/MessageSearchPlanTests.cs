using Exchange.Domain.Messages;
using Exchange.Domain.Messages.Search;
using Exchange.Gateway.Storage.Messages;
using Exchange.Tests.Shared;
using Npgsql;

namespace Exchange.Gateway.Storage.Tests.Search;

/// <summary>
/// The typical searches read an index of messages, never the whole table, on a table large enough (and analyzed) for
/// the planner to prefer a sequential scan where no index fits. The rows are generated in this class's own database.
/// </summary>
public sealed class MessageSearchPlanTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private const int Rows = 50_000;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task every_typical_search_reads_an_index_of_messages_never_the_whole_table()
    {
        var now = fixture.Time.GetUtcNow();
        await GeneratedMessages.FillAsync(fixture.ConnectionString, Rows, now, Token);
        var week = new MessageQuery { From = now.AddDays(-7), To = now };
        var sender = GeneratedMessages.Participant(7);
        var searches = new Dictionary<string, MessageQuery>
        {
            ["first page"] = new(),
            ["by sender, 7 days"] = week with { Sender = sender },
            ["by recipient and status"] = new() { Recipient = GeneratedMessages.Participant(12), Status = MessageStatus.Failed },
            ["by MessageID"] = new() { MessageId = Guid.NewGuid() },
            ["by type, 7 days"] = week with { NamespaceUri = GeneratedMessages.TypeNamespace(3), RootElement = GeneratedMessages.TypeRoot(3) },
            ["by status, 7 days"] = week with { Status = MessageStatus.Expired },
            ["overdue"] = new() { OverdueOnly = true },
            ["by sender, a deep page"] = new() { Sender = sender, After = new MessageCursor(now.AddDays(-60), Guid.Empty).Encode() },
        };

        var plans = new Dictionary<string, IReadOnlyList<string>>();
        await using var connection = await fixture.DataSource.OpenConnectionAsync(Token);
        foreach (var (name, query) in searches)
        {
            await using var command = MessageSearch.Command(query, now, connection);
            plans[name] = await ExplainAsync(command);
        }
        await using (var byRecipient = new NpgsqlCommand(OverdueRequests.ByRecipientSql, connection) { Parameters = { new() { Value = now } } })
        {
            plans["overdue by recipient"] = await ExplainAsync(byRecipient);
        }
        await using (var ofRecipient = new NpgsqlCommand(OverdueRequests.OfRecipientSql, connection)
        {
            Parameters = { new() { Value = GeneratedMessages.Participant(12) }, new() { Value = now }, new() { Value = 50 } },
        })
        {
            plans["overdue of a recipient"] = await ExplainAsync(ofRecipient);
        }

        var scans = plans.Where(p => p.Value.Any(line => line.Contains("Seq Scan on messages", StringComparison.Ordinal))).ToList();
        Assert.True(scans.Count == 0, string.Join("\n\n", scans.Select(s => $"{s.Key}:\n{string.Join('\n', s.Value)}")));
        // The overdue queries repeat the predicate of the partial indexes of requests owed an answer; should the two drift
        // apart, the planner falls back to a larger index and the lists slow down without a scan to show it.
        var notAwaiting = new[] { "overdue", "overdue by recipient", "overdue of a recipient" }
            .Where(name => !plans[name].Any(line => line.Contains("messages_awaiting_answer", StringComparison.Ordinal))).ToList();
        Assert.True(notAwaiting.Count == 0, string.Join("\n\n", notAwaiting.Select(name => $"{name}:\n{string.Join('\n', plans[name])}")));
    }

    private static async Task<IReadOnlyList<string>> ExplainAsync(NpgsqlCommand command)
    {
        command.CommandText = "EXPLAIN " + command.CommandText;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            plan.Add(reader.GetString(0));
        }
        return plan;
    }
}
