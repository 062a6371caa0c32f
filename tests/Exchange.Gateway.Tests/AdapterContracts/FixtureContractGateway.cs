using Exchange.Adapters.Contracts;
using Exchange.Adapters.Sdk;
using Npgsql;

namespace Exchange.Gateway.Tests.AdapterContracts;

/// <summary>
/// The contract suite's gateway over <see cref="GatewayFixture"/>: the adapter speaks for HEALTH (the provider of
/// appeals), PORTAL is its counterpart; HEALTH's key and the test CA are written to files as a vendor's would be.
/// </summary>
public sealed class FixtureContractGateway : ContractGateway, IDisposable
{
    /// <summary>The gateway's <c>Exchange:Delivery:LeaseDuration</c>, which the fixture leaves at its default.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    private readonly GatewayFixture _gateway;
    private readonly DirectoryInfo _folder = System.IO.Directory.CreateTempSubdirectory("exchange-contract");

    public FixtureContractGateway(GatewayFixture gateway)
    {
        _gateway = gateway;
        File.WriteAllBytes(AdapterKeyFile, gateway.Pki.Key(AdapterParticipant).ExportPkcs12(AdapterKeyPassword));
        File.WriteAllBytes(TrustedCertificateFile, gateway.Pki.Authority.CertificateDer);
        File.WriteAllBytes(CrlFile, gateway.Pki.Crl);
    }

    public override Uri SoapEndpoint => _gateway.SoapEndpoint;
    public override string AdapterParticipant => "HEALTH";
    public override string CounterpartParticipant => "PORTAL";
    public override string AdapterKeyFile => Path.Combine(_folder.FullName, "adapter.p12");
    public override string AdapterKeyPassword => "test";
    public override string TrustedCertificateFile => Path.Combine(_folder.FullName, "ca.cer");
    public override string CrlFile => Path.Combine(_folder.FullName, "ca.crl");
    public override TimeProvider Time => _gateway.ClientTime;

    /// <summary>A folder for the adapter's own files (its SQLite store and outbox), removed with the gateway.</summary>
    public string WorkFolder => _folder.FullName;

    public override ExchangeClient Counterpart() => _gateway.Client(CounterpartParticipant);

    public override ExchangeClient AdapterSystem() => _gateway.Client(AdapterParticipant);

    public override Task ExpireLeasesAsync(CancellationToken cancellationToken)
    {
        _gateway.Clock.Advance(Lease + TimeSpan.FromMinutes(1));
        return Task.CompletedTask;
    }

    public override async Task HandOutAgainAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_gateway.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE inbox SET acknowledged_at = NULL, available_at = delivered_at WHERE message_id = $1", connection);
        command.Parameters.AddWithValue(messageId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(cancellationToken));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
