using Exchange.Adapters.Contracts;

namespace Exchange.Gateway.Tests.AdapterContracts;

/// <summary>The contract suite against the reference EDMS (<see cref="EdmsAdapter"/>), in this process over its own database.</summary>
public sealed class EdmsContractTests(GatewayFixture fixture) : FixtureAdapterContract(fixture)
{
    protected override async Task<AdapterUnderTest> CreateAdapterAsync(CancellationToken cancellationToken) =>
        await EdmsAdapter.CreateAsync(Gateway, WorkFolder, cancellationToken);
}
