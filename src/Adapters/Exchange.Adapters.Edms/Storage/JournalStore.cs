using Exchange.Adapters.Edms.Domain;
using Npgsql;

namespace Exchange.Adapters.Edms.Storage;

public sealed class JournalStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The journal's next number. The counter row stays locked until <paramref name="transaction"/> ends: registrations
    /// in one journal queue behind each other, and a rolled-back one gives its number back, so numbers have no gaps.
    /// </summary>
    public async Task<int> TakeNumberAsync(NpgsqlTransaction transaction, string journal, CancellationToken cancellationToken)
    {
        await using var command = Sql.On(transaction, "UPDATE journals SET last_number = last_number + 1 WHERE code = $1 RETURNING last_number")
            .With(journal);
        return await command.ExecuteScalarAsync(cancellationToken) as int?
            ?? throw new InvalidOperationException($"There is no registration journal {journal}.");
    }

    public async Task<IReadOnlyList<Journal>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT code, title, last_number FROM journals ORDER BY code");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var journals = new List<Journal>();
        while (await reader.ReadAsync(cancellationToken))
        {
            journals.Add(new Journal(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }
        return journals;
    }
}
