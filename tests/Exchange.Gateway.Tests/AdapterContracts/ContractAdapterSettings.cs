using System.Globalization;
using Exchange.Adapters.Contracts;

namespace Exchange.Gateway.Tests.AdapterContracts;

/// <summary>
/// The <c>Exchange</c> configuration section of an adapter under the contract suite: the gateway's endpoint and the
/// adapter's files, paced for tests (no <c>Prefer: wait</c>, since the test gateway's clock stands still; short pauses).
/// </summary>
public static class ContractAdapterSettings
{
    public static Dictionary<string, string?> For(ContractGateway gateway) => new()
    {
        ["Exchange:Client:Endpoint"] = gateway.SoapEndpoint.ToString(),
        ["Exchange:Client:KeyFile"] = gateway.AdapterKeyFile,
        ["Exchange:Client:KeyPassword"] = gateway.AdapterKeyPassword,
        ["Exchange:Client:GatewayTrustedCertificates:0"] = gateway.TrustedCertificateFile,
        ["Exchange:Client:GatewayCrls:0"] = gateway.CrlFile,
        ["Exchange:Adapter:Wait"] = "00:00:00",
        ["Exchange:Adapter:EmptyPollInterval"] = Milliseconds(50),
        ["Exchange:Adapter:ErrorDelay"] = Milliseconds(50),
        ["Exchange:Adapter:MaxErrorDelay"] = Milliseconds(200),
        ["Exchange:Adapter:StatusPollInterval"] = Milliseconds(50),
        ["Exchange:Outbox:PollInterval"] = Milliseconds(200),
        ["Exchange:Outbox:RetryDelay"] = Milliseconds(100),
    };

    private static string Milliseconds(int value) => TimeSpan.FromMilliseconds(value).ToString("c", CultureInfo.InvariantCulture);
}
