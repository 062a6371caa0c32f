using Npgsql;
using NpgsqlTypes;

namespace Exchange.Gateway.Storage.Internal;

/// <summary>
/// Parameters for values that may be null. A null goes to PostgreSQL as <see cref="DBNull"/>, which carries no type
/// of its own, so each parameter names its column type.
/// </summary>
internal static class NullableParameter
{
    public static NpgsqlParameter Text(string? value) => Of(value, NpgsqlDbType.Text);

    public static NpgsqlParameter Time(DateTimeOffset? value) => Of(value, NpgsqlDbType.TimestampTz);

    public static NpgsqlParameter Uuid(Guid? value) => Of(value, NpgsqlDbType.Uuid);

    public static NpgsqlParameter Integer(int? value) => Of(value, NpgsqlDbType.Integer);

    private static NpgsqlParameter Of(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
