using Exchange.Domain.Audit;
using Exchange.Domain.Messages.Search;

namespace Exchange.Domain.Messages;

/// <summary>
/// Everything an operator may know about a message short of its content: metadata, status history, what console users
/// did to it, the messages linked to it, the sender's kept signature and its files' descriptions (never their bytes).
/// </summary>
/// <param name="SenderSignature">The sender's kept <c>ds:Signature</c> (<see cref="AcceptedMessage.SenderSignature"/>).</param>
/// <param name="Files">The attachments, their content left empty.</param>
public sealed record MessageDetails(
    FoundMessage Message,
    Guid? ReferenceMessageId,
    string? TransactionCode,
    byte[] ContentSha256,
    DateTimeOffset? EndOfLife,
    string? SenderSignature,
    IReadOnlyList<AcceptedAttachment> Files,
    IReadOnlyList<StatusEntry> History,
    IReadOnlyList<ConsoleAuditEntry> OperatorActions,
    IReadOnlyList<LinkedMessage> Linked);
