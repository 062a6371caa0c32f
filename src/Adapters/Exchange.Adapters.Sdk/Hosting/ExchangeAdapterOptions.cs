using System.ComponentModel.DataAnnotations;

namespace Exchange.Adapters.Sdk.Hosting;

/// <summary>
/// Section <c>Exchange:Adapter</c>: what the adapter host receives and how it paces its calls to the gateway. The
/// client it calls with is configured in <c>Exchange:Client</c> (<see cref="ExchangeClientOptions"/>).
/// </summary>
public sealed class ExchangeAdapterOptions
{
    public const string Section = "Exchange:Adapter";

    /// <summary>Take requests (GetRequest) and hand them to <see cref="IExchangeMessageHandler.HandleRequestAsync"/>.</summary>
    public bool ReceiveRequests { get; set; } = true;

    /// <summary>Take responses (GetResponse) and hand them to <see cref="IExchangeMessageHandler.HandleResponseAsync"/>.</summary>
    public bool ReceiveResponses { get; set; } = true;

    /// <summary>
    /// Only requests of these types, each written <c>{namespace}RootElement</c>; empty takes every type. The host takes
    /// each type with a receiver of its own.
    /// </summary>
    public string[] RequestTypes { get; set; } = [];

    /// <summary>Only responses of these types (<c>{namespace}RootElement</c>); empty takes every type.</summary>
    public string[] ResponseTypes { get; set; } = [];

    /// <summary>
    /// How long the gateway is asked to wait for a message when none is waiting (<c>Prefer: wait</c>); zero asks it not
    /// to. It must end 5 s before <c>Exchange:Client:Timeout</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan Wait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The least time between two calls that found a queue empty: a gateway that answers at once instead of waiting
    /// is then asked at most this often.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan EmptyPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The pause after a failure (the gateway unreachable or refusing, a handler throwing); doubled after each failure in a row.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ErrorDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause after failures in a row.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxErrorDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Read the status stream (GetStatus) when a status handler is registered.</summary>
    public bool ReadStatuses { get; set; } = true;

    /// <summary>How long the status reader waits after finding the status stream empty.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan StatusPollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
