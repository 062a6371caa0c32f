using Exchange.Adapters.Contracts;

namespace Exchange.Gateway.Tests.AdapterContracts;

/// <summary>The contract suite against the reference EDMS (<see cref="EdmsAdapter"/>), in this process over its own database.</summary>
public sealed class EdmsContractTests(GatewayFixture fixture) : AdapterContract, IClassFixture<GatewayFixture>
{
    private readonly FixtureContractGateway _gateway = new(fixture);

    protected override ContractGateway Gateway => _gateway;

    protected override async Task<AdapterUnderTest> CreateAdapterAsync(CancellationToken cancellationToken) =>
        await EdmsAdapter.CreateAsync(_gateway, _gateway.WorkFolder, cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _gateway.Dispose();
    }
}
