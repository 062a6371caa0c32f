using System.Net.Sockets;
using Npgsql;

namespace Exchange.Gateway.Storage;

/// <summary>
/// What a failure of a storage call means for its caller, so that nothing outside Storage needs to know the driver's
/// exceptions.
/// </summary>
public static class StorageFailures
{
    /// <summary>
    /// The database failed the call: it could not be reached, or it refused the statement. Anything else is a bug of
    /// the caller's.
    /// </summary>
    public static bool IsDatabaseFailure(Exception exception) => exception is NpgsqlException;

    /// <summary>
    /// An outage of the database that passes by itself (connection lost, server restarting, timeout): the same call may
    /// succeed later.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception is NpgsqlException { IsTransient: true };

    /// <summary>
    /// The database cannot be reached yet: a transient outage, or a server that refuses connections, as one still
    /// starting does.
    /// </summary>
    public static bool IsUnreachable(Exception exception) =>
        IsTransient(exception) || exception is NpgsqlException { InnerException: SocketException };
}
