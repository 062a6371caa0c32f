using Exchange.Domain.Directory;
using Exchange.Domain.Messages;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;

namespace Exchange.Domain.Routing;

/// <summary>
/// Where a request goes: one recipient, or for a broadcast type every recipient it fans out to; and by when the
/// directory wants the type answered.
/// </summary>
public sealed record Route(IReadOnlyList<Participant> Recipients, bool IsBroadcast, string Reason)
{
    public AnswerDeadline? AnswerDeadline { get; init; }
}

/// <summary>
/// Decides where a request goes, from the directory alone, given the sender's routing instructions
/// (<see cref="Exchange.Protocol.Messages.RoutingInstructions"/>):
/// <list type="number">
/// <item>a broadcast type fans out to every active participant of its level — in the whole region, or under the
/// participant the sender named (recipient or territory);</item>
/// <item>a named recipient (IdentifierRouting) receives it if a permission lets the sender send it the type;</item>
/// <item>otherwise the type's provider for a territory receives it — the named territory (DynamicRouting: a
/// land-plot application filed for a settlement goes to its district), else the sender's own.</item>
/// </list>
/// Refusals are SMEV faults: unknown type, unknown recipient or territory, or no permission.
/// </summary>
public static class RequestRouter
{
    /// <summary>The acceptance's reason in the history when the sender named the recipient.</summary>
    public static readonly ReasonTemplate NamedRecipient = new("named recipient {0}");

    /// <summary>The acceptance's reason in the history when the type's provider for a territory was chosen.</summary>
    public static readonly ReasonTemplate TerritoryProvider = new("provider of the type for the territory of {0}");

    public static Route Route(DirectorySnapshot directory, Participant sender, MessageType type, string? to, string? territory)
    {
        var registered = directory.Type(type);
        if (registered is not { IsActive: true } || registered.Kind == MessageTypeKind.Response)
        {
            throw new SmevFaultException(SmevFault.BusinessDataTypeIsNotSupported(type.NamespaceUri, type.RootElement,
                registered is null ? $"Type {type} is not registered in the directory."
                : registered.IsActive ? $"Type {type} is a response type; send it with SendResponse."
                : $"Type {type} was retired from the directory on {registered.RetiredAt:O}."));
        }

        var recipient = Named(directory, to, "recipient");
        var place = Named(directory, territory, "territory");
        var route = registered.Kind == MessageTypeKind.Broadcast
            ? Broadcast(directory, sender, type, registered.BroadcastLevel!.Value, recipient ?? place)
            : recipient is not null ? Explicit(directory, sender, type, recipient) : ByTerritory(directory, sender, type, place ?? sender);
        return route with { AnswerDeadline = registered.AnswerDeadline };
    }

    private static Participant? Named(DirectorySnapshot directory, string? mnemonic, string what) =>
        mnemonic is null ? null
        : directory.Participant(mnemonic) is { IsActive: true } found ? found
        : throw new SmevFaultException(SmevFault.RecipientIsNotFound($"The {what} '{mnemonic}' is not an active participant of the directory."));

    private static Route Explicit(DirectorySnapshot directory, Participant sender, MessageType type, Participant recipient) =>
        directory.Permits(sender.Mnemonic, type, p => Covers(p, recipient, directory, type))
            ? new Route([recipient], false, NamedRecipient.With(recipient.Mnemonic))
            : throw Denied(sender, type, recipient.Mnemonic);

    private static Route ByTerritory(DirectorySnapshot directory, Participant sender, MessageType type, Participant territory)
    {
        var provider = directory.ProviderFor(type, territory.Mnemonic)
            ?? throw new SmevFaultException(SmevFault.RecipientIsNotFound(
                $"No active participant provides {type} for the territory of {territory.Mnemonic}."));
        return directory.Permits(sender.Mnemonic, type, p => Covers(p, provider, directory, type))
            ? new Route([provider], false, TerritoryProvider.With(territory.Mnemonic))
            : throw Denied(sender, type, provider.Mnemonic);
    }
    private static Route Broadcast(DirectorySnapshot directory, Participant sender, MessageType type, ParticipantLevel level, Participant? under)
    {
        var scope = under?.Mnemonic;
        var allowed = directory.Permits(sender.Mnemonic, type, p => p.Recipients switch
        {
            PermittedRecipients.Any => true,
            PermittedRecipients.Participant => p.Recipient == scope,
            _ => false,
        });
        if (!allowed)
        {
            throw Denied(sender, type, scope ?? "the whole region");
        }
        var recipients = directory.ActiveOfLevel(level, scope).Where(p => p.Mnemonic != sender.Mnemonic).ToList();
        if (recipients.Count == 0)
        {
            throw new SmevFaultException(SmevFault.RecipientIsNotFound(
                $"The broadcast {type} reaches no active participant of level {DirectoryNames.Of(level)}{(scope is null ? "" : $" under {scope}")}."));
        }
        return new Route(recipients, true, $"broadcast to {recipients.Count} participants of level {DirectoryNames.Of(level)}{(scope is null ? "" : $" under {scope}")}");
    }

    private static bool Covers(Permission permission, Participant recipient, DirectorySnapshot directory, MessageType type) =>
        permission.Recipients switch
        {
            PermittedRecipients.Any => true,
            PermittedRecipients.Participant => permission.Recipient == recipient.Mnemonic,
            PermittedRecipients.Provider => directory.Provides(recipient.Mnemonic, type),
            _ => false,
        };

    private static SmevFaultException Denied(Participant sender, MessageType type, string recipient) =>
        new(SmevFault.AccessDenied($"{sender.Mnemonic} may not send {type} to {recipient}."));
}
