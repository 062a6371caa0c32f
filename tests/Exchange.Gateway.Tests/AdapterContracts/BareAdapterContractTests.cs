using Exchange.Adapters.Contracts;

namespace Exchange.Gateway.Tests.AdapterContracts;

/// <summary>The contract suite against <see cref="BareAdapter"/>, a minimal adapter made with the SDK.</summary>
public sealed class BareAdapterContractTests(GatewayFixture fixture) : FixtureAdapterContract(fixture)
{
    protected override async Task<AdapterUnderTest> CreateAdapterAsync(CancellationToken cancellationToken) =>
        await BareAdapter.CreateAsync(Gateway, WorkFolder, cancellationToken);
}
