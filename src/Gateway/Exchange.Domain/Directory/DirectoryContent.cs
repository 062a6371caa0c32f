namespace Exchange.Domain.Directory;

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
