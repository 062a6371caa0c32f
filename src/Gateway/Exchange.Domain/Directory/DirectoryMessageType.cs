using System.Text.Json.Serialization;

namespace Exchange.Domain.Directory;

/// <summary>
/// A business message type (namespace + root element; its XSD is in schemas/business). A broadcast type fans out
/// to every active participant of <see cref="BroadcastLevel"/> (under the participant named in To, if any).
/// </summary>
public sealed record DirectoryMessageType(
    string NamespaceUri, string RootElement, string Name, MessageTypeKind Kind,
    ParticipantLevel? BroadcastLevel = null, AnswerDeadline? AnswerDeadline = null, DateTimeOffset? RetiredAt = null)
{
    [JsonIgnore]
    public bool IsActive => RetiredAt is null;

    public bool Is(string namespaceUri, string rootElement) => NamespaceUri == namespaceUri && RootElement == rootElement;
}
