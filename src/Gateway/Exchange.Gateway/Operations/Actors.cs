namespace Exchange.Gateway.Operations;

/// <summary>Who made a status change, when it was not a participant.</summary>
internal static class Actors
{
    public const string Gateway = "gateway";
}
