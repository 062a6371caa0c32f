using Exchange.Domain.Directory;

namespace Exchange.Gateway.Callers;

/// <summary>Who made a call: the information system that signed it, acting for its participant (whose queue it reads).</summary>
public sealed record Caller(Participant Participant, InformationSystem System)
{
    public string Mnemonic => Participant.Mnemonic;

    public string Name => Participant.Name;
}
