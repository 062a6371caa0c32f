namespace Exchange.Bench;

/// <summary>One verification of what the gateway recorded, with what was found.</summary>
public sealed record CheckResult(string Name, bool Passed, string Found);
