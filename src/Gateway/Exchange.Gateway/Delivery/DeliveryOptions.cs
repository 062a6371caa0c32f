using System.ComponentModel.DataAnnotations;

namespace Exchange.Gateway.Delivery;

/// <summary>Section <c>Exchange:Delivery</c>: relaying to the broker and handing messages to recipients.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Exchange:Delivery";

    /// <summary>
    /// How long a message handed out by GetRequest stays hidden waiting for its Ack before it is handed out again.
    /// SMEV's own emulator uses 15 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Outbox rows the relay publishes per broker round trip.</summary>
    [Range(1, 10_000)]
    public int RelayBatchSize { get; set; } = 200;

    /// <summary>How often the relay looks for work nobody signalled (rows left by a crashed node, failed publishes).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest pause between the relay's attempts while the broker or the database is away (it doubles from
    /// <see cref="RelayPollInterval"/>): what was accepted meanwhile is published at most this long after they return.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RelayMaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Unacknowledged messages a recipient may have waiting; past it SendRequest and SendResponse to it are refused with
    /// DestinationOverflow and nothing is stored. A soft limit (see <see cref="Acceptance.DestinationCapacity"/>).
    /// </summary>
    [Range(1, int.MaxValue - 1)]
    public int MaxWaitingMessagesPerRecipient { get; set; } = 100_000;

    /// <summary>
    /// The longest a GetRequest or GetResponse waits for a message when its caller asks to (HTTP <c>Prefer: wait=N</c>);
    /// a longer wait asked for is cut to this. Keep it below the timeouts of proxies between callers and the gateway.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// How often a waiting call looks at its inbox again without being woken: messages become available without a
    /// notification too (a lease running out, a notification lost while a node reconnected).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan WaitRecheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Calls that may wait at once on one node; past it a call asking to wait is answered at once, as if it had not
    /// asked. Each waiting call holds an HTTP connection (no thread, no database connection). 0 turns waiting off.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxWaitingCalls { get; set; } = 1000;
}
