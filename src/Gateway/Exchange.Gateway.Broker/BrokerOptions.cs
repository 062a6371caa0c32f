using System.ComponentModel.DataAnnotations;

namespace Exchange.Gateway.Broker;

/// <summary>Section <c>Exchange:Broker</c>. The address itself is <c>ConnectionStrings:broker</c> (an amqp:// URI).</summary>
public sealed class BrokerOptions
{
    public const string Section = "Exchange:Broker";

    /// <summary>
    /// Deliveries a consumer (one per recipient queue) may hold unacknowledged at once. A message may carry up to the
    /// attachment limit (5 MiB), and quorum queues have no per-channel (global) prefetch, so this bounds memory per
    /// queue: kept a little above <see cref="ConsumerConcurrency"/>, which is what actually stores in parallel.
    /// </summary>
    [Range(1, 10_000)]
    public ushort PrefetchCount { get; set; } = 16;

    /// <summary>Deliveries a node hands over to storage at the same time, all recipient queues together.</summary>
    [Range(1, 256)]
    public ushort ConsumerConcurrency { get; set; } = 8;

    /// <summary>Redeliveries of one broker message before the quorum queue dead-letters it.</summary>
    [Range(1, 1_000)]
    public int DeliveryLimit { get; set; } = 20;

    /// <summary>
    /// How long a hand-over may hold a delivery while waiting for the database before it returns the message to its
    /// queue after all (spending one of its deliveries). Must stay below the broker's <c>consumer_timeout</c> (30 min by
    /// default in RabbitMQ 3.10), past which the broker closes the consumer's channel.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxHoldTime { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How long a consumer waits after a failed hand-over before returning the message to the queue.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
