using Exchange.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Tests;

public sealed class StartupTests
{
    private static Task<WebApplication> CreateAsync(Dictionary<string, string?> settings) =>
        GatewayApplication.CreateAsync([], builder =>
        {
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(settings);
        }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task a_missing_connection_string_stops_start_up_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CreateAsync(new()
        {
            ["ConnectionStrings:broker"] = "amqp://exchange:exchange@127.0.0.1:24672/",
        }));
        Assert.Contains("ConnectionStrings:exchange", error.Message);
    }

    [Fact]
    public async Task a_broker_address_that_is_not_an_amqp_uri_stops_start_up()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CreateAsync(new()
        {
            ["ConnectionStrings:exchange"] = "Host=127.0.0.1;Port=1",
            ["ConnectionStrings:broker"] = "127.0.0.1:5672",
        }));
        Assert.Contains("ConnectionStrings:broker", error.Message);
    }

    [Fact]
    public async Task a_broker_address_that_is_not_a_valid_uri_stops_start_up_naming_user_and_host_but_not_the_password()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CreateAsync(new()
        {
            ["ConnectionStrings:exchange"] = "Host=127.0.0.1;Port=1",
            ["ConnectionStrings:broker"] = "amqp://exchange:s3cret@pass@127.0.0.1:notaport/",
        }));
        Assert.Contains("amqp://exchange@127.0.0.1:notaport/", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unreachable_database_stops_start_up_with_its_address_after_the_timeout()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CreateAsync(new()
        {
            ["ConnectionStrings:exchange"] = "Host=127.0.0.1;Port=1;Username=x;Password=x;Database=nowhere;Timeout=1",
            ["ConnectionStrings:broker"] = "amqp://exchange:exchange@127.0.0.1:24672/",
            ["Exchange:Gateway:StartupTimeout"] = "00:00:01",
        }));
        Assert.Contains("127.0.0.1:1/nowhere", error.Message);
        Assert.Contains("scripts/services.sh start", error.Message);
    }

    [Fact]
    public async Task missing_signing_settings_stop_start_up_naming_them()
    {
        await using var database = await TestDatabase.CreateAsync("startup");
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CreateAsync(new()
        {
            ["ConnectionStrings:exchange"] = database.ConnectionString,
            ["ConnectionStrings:broker"] = TestServers.Broker.ToString(),
        }));
        Assert.Contains("KeyFile", error.Message, StringComparison.Ordinal);
        Assert.Contains("TrustedCertificates", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MaxXmlDepth", "0")]
    // 8 MiB of attachments cannot travel inline in the default 8 MiB body.
    [InlineData("MaxTotalAttachmentBytes", "8388608")]
    public async Task an_invalid_limit_is_refused_when_the_gateway_starts(string key, string value)
    {
        await using var database = await TestDatabase.CreateAsync("startup");
        using var pki = new TestPki(GatewayFixture.Start);
        var folder = System.IO.Directory.CreateTempSubdirectory("exchange-startup").FullName;
        File.WriteAllBytes(Path.Combine(folder, "gateway.p12"), pki.Key("GATEWAY").ExportPkcs12("test"));
        File.WriteAllBytes(Path.Combine(folder, "ca.cer"), pki.Authority.CertificateDer);
        await using var app = await CreateAsync(new()
        {
            ["ConnectionStrings:exchange"] = database.ConnectionString,
            ["ConnectionStrings:broker"] = TestServers.Broker.ToString(),
            ["Exchange:Signing:KeyFile"] = Path.Combine(folder, "gateway.p12"),
            ["Exchange:Signing:KeyPassword"] = "test",
            ["Exchange:Signing:TrustedCertificates:0"] = Path.Combine(folder, "ca.cer"),
            [$"Exchange:Soap:{key}"] = value,
            ["Urls"] = "http://127.0.0.1:0",
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync(TestContext.Current.CancellationToken));
        var refusals = error is AggregateException all ? all.InnerExceptions : [error];
        Assert.Contains(refusals, e => e is OptionsValidationException && e.Message.Contains(key, StringComparison.Ordinal));
        System.IO.Directory.Delete(folder, recursive: true);
    }
}
