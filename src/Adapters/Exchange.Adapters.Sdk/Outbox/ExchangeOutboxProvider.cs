namespace Exchange.Adapters.Sdk.Outbox;

/// <summary>Where the outbox keeps its entries.</summary>
public enum ExchangeOutboxProvider
{
    /// <summary>A SQLite file of its own (<see cref="ExchangeOutboxOptions.SqlitePath"/>), for one adapter process.</summary>
    Sqlite,

    /// <summary>The EDMS's own PostgreSQL database, so an entry commits with the EDMS's change; several adapter processes may share it.</summary>
    PostgreSql,
}
