namespace Exchange.Gateway.Storage.Activity;

/// <summary>
/// How many times something happened in one minute: <paramref name="Metric"/> names what (accepted, fault, ...),
/// <paramref name="Key"/> tells instances apart (the sender, the fault code, a latency bucket) or is empty.
/// </summary>
public sealed record ActivityCount(DateTimeOffset Minute, string Metric, string Key, long Count);
