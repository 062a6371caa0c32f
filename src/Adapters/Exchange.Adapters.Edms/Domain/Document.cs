namespace Exchange.Adapters.Edms.Domain;

/// <summary>A registered document as the document store shows it.</summary>
public sealed record Document(long Id, RegistrationNumber Number, DocumentKind Kind, string BusinessType, bool UnknownType,
    Guid? MessageId, string? Correspondent, string? CorrespondentName, string? ReplyTo, string? Applicant, string Subject, string Body,
    DateTimeOffset RegisteredAt, long? Answers)
{
    /// <summary>Whether the sender's own signature proves who wrote a received document: proven, unsigned, invalid or untrusted.</summary>
    public string? Authorship { get; init; }

    public IReadOnlyList<StoredFile> Files { get; init; } = [];
    public ControlCard? Control { get; init; }
    public IReadOnlyList<ExchangeAnswer> ExchangeAnswers { get; init; } = [];

    /// <summary>For an outgoing document, what the status stream said of its message.</summary>
    public IReadOnlyList<DeliveryStatus> DeliveryStatuses { get; init; } = [];
}
