using Exchange.Adapters.Contracts;

namespace Exchange.Gateway.Tests.AdapterContracts;

/// <summary>The contract suite on <see cref="GatewayFixture"/>: a gateway for the class, key files and a work folder for each test.</summary>
public abstract class FixtureAdapterContract(GatewayFixture fixture) : AdapterContract, IClassFixture<GatewayFixture>
{
    private readonly FixtureContractGateway _gateway = new(fixture);

    protected override ContractGateway Gateway => _gateway;

    /// <summary>Where the adapter keeps its files, removed after the test.</summary>
    protected string WorkFolder => _gateway.WorkFolder;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _gateway.Dispose();
    }
}
