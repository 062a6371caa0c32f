using Exchange.Adapters.Sdk.Faults;
using Exchange.Gateway.Signing;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.Directory;

/// <summary>A CA's new CRL, put in place of the old file, revokes certificates without a restart.</summary>
public sealed class TrustRefreshTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_certificate_revoked_by_a_new_crl_is_refused_from_the_next_call()
    {
        var admin = new DirectoryAdmin(gateway, gateway.Admin());
        await admin.AddParticipantAsync("SOON_REVOKED", "institution");
        var system = GatewayFixture.SystemOf("SOON_REVOKED");
        Assert.Null(await gateway.Client(system).GetRequestAsync(cancellationToken: Token));   // trusted, and remembered as such
        var refresher = gateway.Services.GetRequiredService<TrustRefreshService>();
        Assert.False(refresher.Refresh());   // nothing changed on disk

        await File.WriteAllBytesAsync(gateway.CrlFile, gateway.Pki.CrlRevoking("REVOKED", system), Token);
        Assert.True(refresher.Refresh());

        var refused = await Assert.ThrowsAsync<ExchangeSignatureFaultException>(() => gateway.Client(system).GetRequestAsync(cancellationToken: Token));
        Assert.Contains("revoked", refused.Message, StringComparison.OrdinalIgnoreCase);
        await gateway.DrainRequestsAsync("HEALTH");   // the others stay trusted: their calls are answered, not refused
    }

    [Fact]
    public async Task an_unreadable_crl_leaves_the_trust_in_force()
    {
        var refresher = gateway.Services.GetRequiredService<TrustRefreshService>();
        var good = await File.ReadAllBytesAsync(gateway.CrlFile, Token);
        try
        {
            await File.WriteAllTextAsync(gateway.CrlFile, "-----BEGIN X509 CRL-----\nnot base64 at all\n-----END X509 CRL-----\n", Token);

            Assert.False(refresher.Refresh());
            await gateway.DrainRequestsAsync("PORTAL");   // answered, not refused
        }
        finally
        {
            await File.WriteAllBytesAsync(gateway.CrlFile, good, Token);
        }
    }
}
