namespace Exchange.Adapters.Sdk.Hosting.Internal;

/// <summary>
/// An EDMS handler threw (already logged and counted where it was caught): raised again so the host's resilience
/// pipeline pauses before the next message, as it does after the gateway's failures.
/// </summary>
internal sealed class HandlerFailedException(Exception failure) : Exception("The EDMS's handler failed.", failure);
