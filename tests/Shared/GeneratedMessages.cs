using Npgsql;

namespace Exchange.Tests.Shared;

/// <summary>
/// Fills a migrated database with messages, set-based in one statement, for figures and query plans on a table the size
/// of a region's: 40 participants (P01..P40) sending to each other, 8 types (urn:generated:0..7), accepted over the 90 days
/// before a given end, requests (70%), responses and broadcast copies, 1 in 50 a test message. Statuses follow age:
/// queued under 2 hours, delivered under a day, then answered (requests) or acknowledged; 1% failed, 0.5% expired,
/// 2.5% of requests acknowledged but never answered. Requests are due 10 days after acceptance. Only the message rows
/// are written (their current status on the row, no history), repeatably: row i is the same in every fill.
/// </summary>
public static class GeneratedMessages
{
    public const int Participants = 40;

    /// <summary>The MessageID of row <paramref name="row"/> (from 1), as the fill derives it.</summary>
    public static Guid MessageId(int row) =>
        Guid.Parse(Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"generated {row}"))));

    public static string Participant(int number) => $"P{number:00}";

    public static string TypeNamespace(int number) => $"urn:generated:{number}";

    public static string TypeRoot(int number) => $"Request{number}";

    public static async Task FillAsync(string connectionString, int count, DateTimeOffset end, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var fill = new NpgsqlCommand("""
            WITH drawn AS (
                -- h: a repeatable pseudo-random number per row, from which every attribute is drawn.
                SELECT i, $2::timestamptz - interval '90 days' * (i::double precision / $1) AS accepted_at,
                       hashint4(i)::bigint + 2147483648 AS h
                FROM generate_series(1, $1) AS i),
            shaped AS (
                SELECT i, accepted_at, h, h % 40 AS sender, (h % 40 + 1 + (h / 40) % 39) % 40 AS recipient, (h / 1600) % 8 AS type,
                       CASE WHEN (h / 12800) % 10 < 7 THEN 'request' WHEN (h / 12800) % 10 < 9 THEN 'response' ELSE 'broadcast' END AS kind,
                       (h / 128000) % 1000 AS fate, $2::timestamptz - accepted_at AS age
                FROM drawn),
            settled AS (
                SELECT *, CASE WHEN fate < 10 THEN 'failed'
                               WHEN fate < 15 THEN 'expired'
                               WHEN age < interval '2 hours' THEN 'queued'
                               WHEN age < interval '1 day' THEN 'delivered'
                               WHEN kind = 'request' AND fate >= 40 THEN 'answered'
                               ELSE 'acknowledged' END AS status
                FROM shaped)
            INSERT INTO messages (message_id, kind, sender, recipient, namespace_uri, root_element, is_test, content_sha256, content,
                                  accepted_at, answer_due_at, current_status, current_status_at, answered_at)
            SELECT md5('generated ' || i)::uuid, kind, 'P' || lpad((sender + 1)::text, 2, '0'), 'P' || lpad((recipient + 1)::text, 2, '0'),
                   'urn:generated:' || type, 'Request' || type, i % 50 = 0, '\x00'::bytea, '<Generated/>',
                   accepted_at, CASE kind WHEN 'request' THEN accepted_at + interval '10 days' END, status,
                   accepted_at + interval '1 second' * (h % 3600), CASE status WHEN 'answered' THEN accepted_at + interval '20 hours' END
            FROM settled
            """, connection))
        {
            fill.CommandTimeout = 0;
            fill.Parameters.AddWithValue(count);
            fill.Parameters.AddWithValue(end);
            await fill.ExecuteNonQueryAsync(cancellationToken);
        }
        // As autovacuum leaves a settled table: statistics for the planner, the visibility map for index-only scans.
        await using var analyze = new NpgsqlCommand("VACUUM (ANALYZE) messages", connection) { CommandTimeout = 0 };
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }
}
