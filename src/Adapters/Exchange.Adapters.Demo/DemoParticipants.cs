using Exchange.Protocol.Messages;

namespace Exchange.Adapters.Demo;

/// <summary>The demo region: who takes part and which message types each one provides.</summary>
public static class DemoParticipants
{
    public static readonly MessageType CitizenAppeal = new("urn://exchange.region/appeal/1.0", "CitizenAppeal");
    public static readonly MessageType OfficialLetter = new("urn://exchange.region/correspondence/1.0", "OfficialLetter");

    public static readonly IReadOnlyList<DemoParticipant> All =
    [
        new("PORTAL", "Regional public services portal", []),
        new("LO_HEALTH", "Health committee", [CitizenAppeal]),
        new("LO_KIT", "Committee for telecommunications and informatization", [OfficialLetter]),
        new("VYBORG_DISTRICT", "Vyborgsky district administration", []),
    ];
}

public sealed record DemoParticipant(string Mnemonic, string Name, IReadOnlyList<MessageType> Provides);
