namespace Exchange.Adapters.Edms.Domain;

/// <summary>A response that came back through the exchange to a document sent from here: a receipt, an answer or a rejection.</summary>
/// <param name="BusinessType">The answer's <c>{namespace}root</c>; null for a rejection.</param>
public sealed record ExchangeAnswer(Guid MessageId, string? Sender, string? BusinessType, string? Content, IReadOnlyList<string> Rejections,
    DateTimeOffset ReceivedAt);
