using Exchange.Adapters.Contracts;

namespace Exchange.Gateway.Tests.AdapterContracts;

/// <summary>The contract suite against <see cref="BareAdapter"/>, a minimal adapter made with the SDK.</summary>
public sealed class BareAdapterContractTests(GatewayFixture fixture) : AdapterContract, IClassFixture<GatewayFixture>
{
    private readonly FixtureContractGateway _gateway = new(fixture);

    protected override ContractGateway Gateway => _gateway;

    protected override async Task<AdapterUnderTest> CreateAdapterAsync(CancellationToken cancellationToken) =>
        await BareAdapter.CreateAsync(_gateway, _gateway.WorkFolder, cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _gateway.Dispose();
    }
}
