namespace Exchange.Gateway.Broker;

/// <summary>A queue as the broker counts it at one moment.</summary>
/// <param name="Ready">Messages ready for a consumer (not those handed to one and not yet acknowledged).</param>
/// <param name="Consumers">Consumers subscribed to it, on every node.</param>
public sealed record QueueFigures(string Queue, uint Ready, uint Consumers);
