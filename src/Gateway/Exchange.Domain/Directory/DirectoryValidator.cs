using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Exchange.Domain.Directory;

/// <summary>Checks a whole directory for consistency before it is stored; every problem is reported, not just the first.</summary>
public static partial class DirectoryValidator
{
    // Mnemonics name RabbitMQ queues and appear in SMEV metadata: keep them to letters, digits, '_' and '-'.
    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex MnemonicPattern();

    public static IReadOnlyList<string> Problems(DirectoryContent content)
    {
        var problems = new List<string>();
        var participants = Unique(content.Participants, p => p.Mnemonic, "participant", problems);
        var systems = Unique(content.Systems, s => s.Mnemonic, "information system", problems);
        Unique(content.Certificates, c => c.Thumbprint, "certificate", problems);
        var types = Unique(content.Types, t => $"{{{t.NamespaceUri}}}{t.RootElement}", "message type", problems);
        Unique(content.Providers, p => $"{{{p.NamespaceUri}}}{p.RootElement} for {p.Territory ?? "the region"}", "provider", problems);
        Unique(content.Permissions, p => p.ToString(), "permission", problems);

        foreach (var participant in content.Participants)
        {
            CheckMnemonic(participant.Mnemonic, "participant", problems);
            Require(!string.IsNullOrWhiteSpace(participant.Name), $"participant {participant.Mnemonic} has no name", problems);
            if (participant.Parent is { } parent && !participants.ContainsKey(parent))
            {
                problems.Add($"participant {participant.Mnemonic}: parent {parent} is not in the directory");
            }
            if (participant.Level == ParticipantLevel.Settlement
                && (participant.Parent is null || !participants.TryGetValue(participant.Parent, out var district) || district.Level != ParticipantLevel.District))
            {
                problems.Add($"settlement {participant.Mnemonic} must belong to a district (its parent)");
            }
            if (HasCycle(participant, participants))
            {
                problems.Add($"participant {participant.Mnemonic} is its own ancestor");
            }
        }
        foreach (var system in content.Systems)
        {
            CheckMnemonic(system.Mnemonic, "information system", problems);
            Require(Has(participants, system.Participant), $"information system {system.Mnemonic}: participant {system.Participant} is not in the directory", problems);
            Require(!string.IsNullOrWhiteSpace(system.Name), $"information system {system.Mnemonic} has no name", problems);
        }
        foreach (var certificate in content.Certificates)
        {
            Require(Has(systems, certificate.System), $"certificate {certificate.Thumbprint}: information system {certificate.System} is not in the directory", problems);
            Require(certificate.Der is not null && Convert.ToHexString(SHA256.HashData(certificate.Der)) == certificate.Thumbprint,
                $"certificate {certificate.Thumbprint}: the thumbprint is not the SHA-256 of its DER", problems);
            Require(certificate.NotBefore < certificate.NotAfter, $"certificate {certificate.Thumbprint}: not valid at any time", problems);
        }
        foreach (var type in content.Types)
        {
            Require(!string.IsNullOrEmpty(type.NamespaceUri) && !string.IsNullOrEmpty(type.RootElement), "a message type needs a namespace and a root element", problems);
            Require(!string.IsNullOrWhiteSpace(type.Name), $"message type {{{type.NamespaceUri}}}{type.RootElement} has no name", problems);
            Require((type.Kind == MessageTypeKind.Broadcast) == (type.BroadcastLevel is not null),
                $"message type {{{type.NamespaceUri}}}{type.RootElement}: a broadcast type, and only one, names the level it goes to", problems);
            Require(type.AnswerDeadline is null or { Days: > 0 }, $"message type {{{type.NamespaceUri}}}{type.RootElement}: the answer deadline must be at least one day", problems);
        }
        foreach (var provider in content.Providers)
        {
            var type = $"{{{provider.NamespaceUri}}}{provider.RootElement}";
            Require(Has(types, type), $"provider {provider.Provider}: type {type} is not in the directory", problems);
            Require(Has(participants, provider.Provider), $"provider of {type}: participant {provider.Provider} is not in the directory", problems);
            Require(provider.Territory is null || participants.ContainsKey(provider.Territory),
                $"provider of {type}: territory {provider.Territory} is not in the directory", problems);
        }
        foreach (var permission in content.Permissions)
        {
            var type = $"{{{permission.NamespaceUri}}}{permission.RootElement}";
            Require(Has(types, type), $"permission for {type}: the type is not in the directory", problems);
            Require(permission.Sender is null || participants.ContainsKey(permission.Sender),
                $"permission for {type}: sender {permission.Sender} is not in the directory", problems);
            Require((permission.Recipients == PermittedRecipients.Participant) == (permission.Recipient is not null),
                $"permission for {type}: a recipient is named exactly when recipients is 'participant'", problems);
            Require(permission.Recipient is null || participants.ContainsKey(permission.Recipient),
                $"permission for {type}: recipient {permission.Recipient} is not in the directory", problems);
        }
        return problems;
    }

    private static bool Has<T>(Dictionary<string, T> entries, string? key) => key is not null && entries.ContainsKey(key);

    private static Dictionary<string, T> Unique<T>(IEnumerable<T> items, Func<T, string?> key, string what, List<string> problems)
    {
        var byKey = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (key(item) is not { } itemKey)
            {
                problems.Add($"a {what} has no identifier");
            }
            else if (!byKey.TryAdd(itemKey, item))
            {
                problems.Add($"{what} {key(item)} appears twice");
            }
        }
        return byKey;
    }

    private static bool HasCycle(Participant participant, Dictionary<string, Participant> participants)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { participant.Mnemonic };
        for (var parent = participant.Parent; parent is not null && participants.TryGetValue(parent, out var next); parent = next.Parent)
        {
            if (!seen.Add(parent))
            {
                return true;
            }
        }
        return false;
    }

    private static void CheckMnemonic(string? mnemonic, string what, List<string> problems) =>
        Require(mnemonic is not null && MnemonicPattern().IsMatch(mnemonic), $"{what} mnemonic '{mnemonic}' must be 1-64 letters, digits, '_' or '-'", problems);

    private static void Require(bool condition, string problem, List<string> problems)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}

/// <summary>A directory change refused because the result would be inconsistent.</summary>
public sealed class DirectoryValidationException(IReadOnlyList<string> problems)
    : Exception("The directory would be inconsistent: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
