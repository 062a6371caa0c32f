namespace Exchange.Gateway.Tests.AdapterCrash;

/// <summary>A call <see cref="CrashingProxy"/> forwarded: its operation, and the gateway's HTTP status and body.</summary>
public sealed record ForwardedCall(string Operation, int StatusCode, string Answer);
