namespace Exchange.Gateway.Administration;

/// <summary>Configuration section <c>Exchange:Admin</c>: who may use the admin API.</summary>
public sealed class AdminOptions
{
    public const string Section = "Exchange:Admin";

    /// <summary>
    /// Bearer tokens by the name of their holder (the name is what the audit records as the actor). Keep them in
    /// the environment or a secret store (<c>Exchange__Admin__Tokens__ivanova=…</c>), never in appsettings.json.
    /// No tokens: the admin API refuses every call.
    /// </summary>
    public Dictionary<string, string> Tokens { get; set; } = [];
}
