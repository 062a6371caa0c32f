namespace Exchange.Adapters.Edms.Domain;

/// <summary>What registering a document records; the journal gives it its number.</summary>
/// <param name="BusinessType">The qualified name of its business content, <c>{namespace}root</c>.</param>
/// <param name="UnknownType">Received of a type the EDMS does not know: registered as incoming correspondence so nothing is lost.</param>
/// <param name="Correspondent">The participant it came from (incoming) or goes to (outgoing).</param>
/// <param name="ReplyTo">Where an answer to a received request is sent.</param>
/// <param name="Answers">The id of the document this one answers.</param>
public sealed record NewDocument(DocumentKind Kind, string Journal, string BusinessType, string Subject, string Body)
{
    public bool UnknownType { get; init; }
    public Guid? MessageId { get; init; }
    public string? Correspondent { get; init; }
    public string? CorrespondentName { get; init; }
    public string? ReplyTo { get; init; }

    /// <summary>Whether the sender's own signature proves who wrote a received document: proven, unsigned, invalid or untrusted.</summary>
    public string? Authorship { get; init; }
    public string? Applicant { get; init; }
    public string? Content { get; init; }
    public long? Answers { get; init; }
    public IReadOnlyList<DocumentFile> Files { get; init; } = [];
}
