namespace Exchange.Adapters.Sdk;

/// <summary>A message's status history as the gateway's status API returns it.</summary>
public sealed record MessageStatusReport(Guid MessageId, string Sender, string Recipient, string MessageType, bool IsTest,
    string Current, IReadOnlyList<MessageStatusReport.Entry> History)
{
    public sealed record Entry(string Status, DateTimeOffset At, string Actor, string? Reason);
}
