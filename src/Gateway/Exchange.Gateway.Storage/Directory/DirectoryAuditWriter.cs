using Exchange.Domain.Directory;
using Exchange.Gateway.Storage.Internal;
using Npgsql;

namespace Exchange.Gateway.Storage.Directory;

/// <summary>
/// Writes the rows of <c>directory_audit</c> for the changes of one transaction, all by one actor at one moment, and
/// keeps them for the caller's answer.
/// </summary>
internal sealed class DirectoryAuditWriter(NpgsqlConnection connection, string actor, DateTimeOffset now)
{
    private readonly List<DirectoryChange> _changes = [];

    public IReadOnlyList<DirectoryChange> Changes => _changes;

    /// <param name="before">The entry as JSON before the change; null when it was added.</param>
    /// <param name="after">The entry as JSON after the change; null when it was removed.</param>
    public async Task WriteAsync(string entity, string key, string? before, string? after, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO directory_audit (at, actor, entity, key, before, after) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)
            RETURNING id
            """, connection);
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(actor);
        command.Parameters.AddWithValue(entity);
        command.Parameters.AddWithValue(key);
        command.Parameters.Add(NullableParameter.Text(before));
        command.Parameters.Add(NullableParameter.Text(after));
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        _changes.Add(new DirectoryChange(id, now, actor, entity, key, before, after));
    }
}
