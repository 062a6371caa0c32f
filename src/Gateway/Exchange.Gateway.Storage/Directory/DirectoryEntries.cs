using System.Text.Json.Serialization;

namespace Exchange.Gateway.Storage.Directory;

/// <summary>Where a participant stands in the region; settlements belong to a district.</summary>
public enum ParticipantLevel
{
    RegionalBody,
    District,
    Settlement,
    Institution,
    Portal,
}

/// <summary>A body of the region that sends and receives messages; its mnemonic names its queue.</summary>
public sealed record Participant(string Mnemonic, string Name, ParticipantLevel Level, string? Parent = null, DateTimeOffset? RetiredAt = null)
{
    [JsonIgnore]
    public bool IsActive => RetiredAt is null;
}

/// <summary>A participant's information system (its EDMS, a medical system…): what actually calls the gateway.</summary>
public sealed record InformationSystem(string Mnemonic, string Participant, string Name, DateTimeOffset? RetiredAt = null)
{
    [JsonIgnore]
    public bool IsActive => RetiredAt is null;
}

/// <summary>A certificate a system signs with. A system may have several at once while a key is rolled over.</summary>
public sealed record SystemCertificate(
    string Thumbprint, string System, string Subject, DateTimeOffset NotBefore, DateTimeOffset NotAfter, byte[] Der,
    DateTimeOffset? RetiredAt = null)
{
    [JsonIgnore]
    public bool IsActive => RetiredAt is null;

    public bool IsValidAt(DateTimeOffset now) => IsActive && now >= NotBefore && now <= NotAfter;
}

public enum MessageTypeKind
{
    Request,
    Response,
    Broadcast,
}

public enum DayKind
{
    Calendar,
    Working,
}

/// <summary>How long the recipient has to answer, e.g. 30 calendar days for a citizen's appeal.</summary>
public sealed record AnswerDeadline(int Days, DayKind DayKind);

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

/// <summary>Who provides a type for a territory (null: the whole region); the closest territory wins.</summary>
public sealed record TypeProvider(string NamespaceUri, string RootElement, string? Territory, string Provider);

public enum PermittedRecipients
{
    /// <summary>The type's provider for the territory of the request.</summary>
    Provider,

    /// <summary>Any participant named in To.</summary>
    Any,

    /// <summary>Only <see cref="Permission.Recipient"/>.</summary>
    Participant,
}

/// <summary>May <see cref="Sender"/> (null: anyone) send messages of a type to the given recipients.</summary>
public sealed record Permission(string? Sender, string NamespaceUri, string RootElement, PermittedRecipients Recipients, string? Recipient = null);

/// <summary>The whole directory at one moment: what is loaded, cached, imported and exported.</summary>
public sealed record DirectoryContent(
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<InformationSystem> Systems,
    IReadOnlyList<SystemCertificate> Certificates,
    IReadOnlyList<DirectoryMessageType> Types,
    IReadOnlyList<TypeProvider> Providers,
    IReadOnlyList<Permission> Permissions)
{
    public static readonly DirectoryContent Empty = new([], [], [], [], [], []);
}

/// <summary>One audited change: what an entity was before and after (null: did not exist).</summary>
public sealed record DirectoryChange(long Id, DateTimeOffset At, string Actor, string Entity, string Key, string? Before, string? After);
