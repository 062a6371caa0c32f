using Npgsql;

namespace Exchange.Adapters.Edms.Storage;

/// <summary>Commands with positional parameters, written as one expression.</summary>
internal static class Sql
{
    public static NpgsqlCommand On(NpgsqlTransaction transaction, string sql) => new(sql, transaction.Connection, transaction);

    /// <summary>Adds the next positional parameter; null is sent as SQL NULL of <typeparamref name="T"/>'s type.</summary>
    public static NpgsqlCommand With<T>(this NpgsqlCommand command, T value)
    {
        command.Parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
        return command;
    }

    /// <summary>Npgsql writes timestamptz from UTC values only.</summary>
    public static NpgsqlCommand WithTime(this NpgsqlCommand command, DateTimeOffset? value) => command.With(value?.ToUniversalTime());

    public static string? NullableString(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset? NullableTime(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
