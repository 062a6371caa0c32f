namespace Exchange.Gateway.Soap;

/// <summary>What is learnt about a call while it is handled, for the log line that ends it and the HTTP answer.</summary>
public sealed class SoapCallContext
{
    public string? Caller { get; set; }
    public Guid? MessageId { get; set; }

    /// <summary>How long the caller would have an empty GetRequest or GetResponse wait for a message (<see cref="PreferHeader"/>); null for not at all.</summary>
    public TimeSpan? PreferredWait { get; init; }

    /// <summary>The wait the operation granted, answered in <c>Preference-Applied</c>; null when it did not wait.</summary>
    public TimeSpan? AppliedWait { get; set; }
}
