namespace Exchange.Adapters.Sdk.Outbox;

public enum ExchangeOutboxEntryState
{
    /// <summary>Not sent yet: waiting for its first or next attempt.</summary>
    Pending,

    /// <summary>The gateway has it.</summary>
    Sent,

    /// <summary>The gateway refused it with a fault that sending it again would not change; it is not sent again.</summary>
    Failed,
}
