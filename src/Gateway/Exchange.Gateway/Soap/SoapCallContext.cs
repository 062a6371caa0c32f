namespace Exchange.Gateway.Soap;

/// <summary>What is learnt about a call while it is handled, for the log line that ends it.</summary>
public sealed class SoapCallContext
{
    public string? Caller { get; set; }
    public Guid? MessageId { get; set; }
}
