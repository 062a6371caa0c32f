using Exchange.Protocol.Messages;

namespace Exchange.Domain.Directory;

/// <summary>
/// The directory as loaded at one moment, indexed for the questions every call asks: who signed, where a type goes,
/// who may send what. Immutable: a change builds a new snapshot.
/// </summary>
public sealed class DirectorySnapshot
{
    private readonly Dictionary<string, Participant> _participants;
    private readonly Dictionary<string, InformationSystem> _systems;
    private readonly Dictionary<string, SystemCertificate> _certificates;
    private readonly Dictionary<MessageType, DirectoryMessageType> _types;
    // Per type: provider by territory mnemonic, "" for the region-wide one; built once, asked on every request.
    private readonly Dictionary<MessageType, Dictionary<string, string>> _providers;
    private readonly ILookup<MessageType, Permission> _permissions;

    public DirectorySnapshot(DirectoryContent content)
    {
        Content = content;
        _participants = content.Participants.ToDictionary(p => p.Mnemonic, StringComparer.Ordinal);
        _systems = content.Systems.ToDictionary(s => s.Mnemonic, StringComparer.Ordinal);
        _certificates = content.Certificates.ToDictionary(c => c.Thumbprint, StringComparer.Ordinal);
        _types = content.Types.ToDictionary(t => new MessageType(t.NamespaceUri, t.RootElement));
        _providers = content.Providers.GroupBy(p => new MessageType(p.NamespaceUri, p.RootElement))
            .ToDictionary(g => g.Key, g => g.ToDictionary(p => p.Territory ?? "", p => p.Provider, StringComparer.Ordinal));
        _permissions = content.Permissions.ToLookup(p => new MessageType(p.NamespaceUri, p.RootElement));
    }

    public static DirectorySnapshot Empty { get; } = new(DirectoryContent.Empty);

    public DirectoryContent Content { get; }

    /// <summary>The participant, retired or not; null when it was never registered.</summary>
    public Participant? Participant(string mnemonic) => _participants.GetValueOrDefault(mnemonic);

    public IEnumerable<Participant> ActiveParticipants => Content.Participants.Where(p => p.IsActive);

    /// <summary>The certificate with this thumbprint, with its system and that system's participant.</summary>
    public (SystemCertificate Certificate, InformationSystem System, Participant Participant)? Certificate(string thumbprint) =>
        _certificates.TryGetValue(thumbprint, out var certificate) && System(certificate.System) is { } owner
            ? (certificate, owner.System, owner.Participant)
            : null;

    /// <summary>
    /// The active certificates of active systems that are no longer valid at <paramref name="now"/> + <paramref name="within"/>
    /// (those already expired among them), the first to expire first, each with its system and participant.
    /// </summary>
    public IReadOnlyList<(SystemCertificate Certificate, InformationSystem System, Participant Participant)> ExpiringCertificates(
        DateTimeOffset now, TimeSpan within) =>
        Content.Certificates
            .Where(c => c.IsActive && c.NotAfter < now + within)
            .Select(c => Certificate(c.Thumbprint))
            .OfType<(SystemCertificate Certificate, InformationSystem System, Participant Participant)>()
            .Where(c => c.System.IsActive)
            .OrderBy(c => c.Certificate.NotAfter).ThenBy(c => c.Certificate.Thumbprint, StringComparer.Ordinal)
            .ToList();

    /// <summary>The information system with its participant, retired or not; null when it was never registered.</summary>
    public (InformationSystem System, Participant Participant)? System(string mnemonic) =>
        _systems.TryGetValue(mnemonic, out var system) && _participants.TryGetValue(system.Participant, out var participant)
            ? (system, participant)
            : null;

    /// <summary>The registered type, retired or not.</summary>
    public DirectoryMessageType? Type(MessageType type) => _types.GetValueOrDefault(type);

    /// <summary>
    /// The active provider of the type for <paramref name="territory"/>: the territory's own provider, else its
    /// district's, and so on up to the region-wide one.
    /// </summary>
    public Participant? ProviderFor(MessageType type, string territory)
    {
        if (!_providers.TryGetValue(type, out var byTerritory))
        {
            return null;
        }
        var hops = 0;
        for (var place = Participant(territory); place is not null && hops++ < _participants.Count; place = place.Parent is { } parent ? Participant(parent) : null)
        {
            if (byTerritory.TryGetValue(place.Mnemonic, out var local))
            {
                return Active(local);
            }
        }
        return byTerritory.TryGetValue("", out var regional) ? Active(regional) : null;
    }

    public bool Provides(string mnemonic, MessageType type) =>
        _providers.TryGetValue(type, out var byTerritory) && byTerritory.ContainsValue(mnemonic);

    /// <summary>Active participants of a level, all of them or those under <paramref name="under"/>.</summary>
    public IReadOnlyList<Participant> ActiveOfLevel(ParticipantLevel level, string? under) =>
        ActiveParticipants.Where(p => p.Level == level && (under is null || IsUnder(p, under))).ToList();

    /// <summary>Whether a permission lets <paramref name="sender"/> send the type to the recipients it names.</summary>
    public bool Permits(string sender, MessageType type, Func<Permission, bool> covers) =>
        _permissions[type].Any(p => (p.Sender is null || p.Sender == sender) && covers(p));

    /// <summary>Whether messages of the type can ever reach <paramref name="participant"/>: what a type selector may name.</summary>
    public bool MayReceive(Participant participant, MessageType type) =>
        Type(type) is { IsActive: true } registered
        && (Provides(participant.Mnemonic, type)
            || registered.BroadcastLevel == participant.Level
            || _permissions[type].Any(p => p.Recipients == PermittedRecipients.Any || p.Recipient == participant.Mnemonic));

    private bool IsUnder(Participant participant, string ancestor)
    {
        var hops = 0;
        for (var parent = participant.Parent; parent is not null && hops++ < _participants.Count; parent = Participant(parent)?.Parent)
        {
            if (parent == ancestor)
            {
                return true;
            }
        }
        return false;
    }

    private Participant? Active(string mnemonic) => Participant(mnemonic) is { IsActive: true } participant ? participant : null;
}
