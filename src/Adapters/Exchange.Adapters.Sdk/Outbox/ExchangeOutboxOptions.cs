using System.ComponentModel.DataAnnotations;

namespace Exchange.Adapters.Sdk.Outbox;

/// <summary>Section <c>Exchange:Outbox</c>: where the adapter's outbox keeps what it is to send, and how it retries.</summary>
public sealed class ExchangeOutboxOptions
{
    public const string Section = "Exchange:Outbox";

    public ExchangeOutboxProvider Provider { get; set; } = ExchangeOutboxProvider.Sqlite;

    /// <summary>The SQLite file (created with its table when first used); relative paths are from the working directory.</summary>
    public string SqlitePath { get; set; } = "exchange-outbox.db";

    /// <summary>The PostgreSQL schema of the tables <c>exchange_outbox</c> and <c>exchange_outbox_attachments</c> (created when missing).</summary>
    public string Schema { get; set; } = "public";

    /// <summary>How often the sender looks for entries other processes committed (its own Enqueue wakes it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of a retryable failure within one attempt, before the entry waits for its next attempt.</summary>
    [Range(1, 100)]
    public int RetryAttempts { get; set; } = 3;

    /// <summary>The first retry's delay; each next one doubles (with jitter), up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between retries, and between an entry's attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);
}
