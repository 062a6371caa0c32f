namespace Exchange.Bench.Waiting;

/// <summary>How the receivers of a <see cref="TrickleRun"/> ask for the next message.</summary>
public enum ReceiveMode
{
    /// <summary>GetRequest, and a pause after an empty answer: what adapters do without waiting delivery.</summary>
    Poll,

    /// <summary>GetRequest with <c>Prefer: wait</c>: the gateway answers when a message comes.</summary>
    Wait,
}
