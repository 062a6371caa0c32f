using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Faults;
using Exchange.Protocol;

namespace Exchange.Gateway.Tests;

/// <summary>Requests the gateway must refuse; none of them may leave anything stored.</summary>
public sealed class RefusalTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>, IAsyncLifetime
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private StoredRows _before = null!;

    public async ValueTask InitializeAsync() => _before = await StoredRows.CountAsync(gateway);

    public async ValueTask DisposeAsync() => Assert.Equal(_before, await StoredRows.CountAsync(gateway));

    [Fact]
    public async Task a_caller_whose_certificate_is_registered_nowhere_is_not_registered()
    {
        var fault = await Assert.ThrowsAsync<ExchangeRoutingFaultException>(() =>
            gateway.Client("STRANGER").SendRequestAsync(BusinessDocuments.Appeal("x"), cancellationToken: Token));
        Assert.Equal("SenderIsNotRegistered", fault.Element);
        Assert.Equal("soap:Client", fault.FaultCode);
    }

    [Fact]
    public async Task a_caller_with_an_expired_certificate_is_refused()
    {
        var fault = await Assert.ThrowsAsync<ExchangeSignatureFaultException>(() =>
            gateway.Client("EXPIRED").SendRequestAsync(BusinessDocuments.Appeal("x"), cancellationToken: Token));
        Assert.Equal("SignatureVerificationFault", fault.Element);
        Assert.Equal(["CertificateIsExpired"], fault.Details);
    }

    [Theory]
    [InlineData("REVOKED", "EXCHANGE-401-CertificateRevoked")]
    [InlineData("UNTRUSTED", "EXCHANGE-401-CertificateUntrusted")]
    [InlineData("EXPIRED", "EXCHANGE-401-CertificateExpired")]
    public async Task a_registered_caller_whose_certificate_is_not_trusted_now_is_refused(string participant, string code)
    {
        var fault = await Assert.ThrowsAsync<ExchangeSignatureFaultException>(() =>
            gateway.Client(participant).SendRequestAsync(BusinessDocuments.Appeal("x"), cancellationToken: Token));
        Assert.Equal("SignatureVerificationFault", fault.Element);
        Assert.Equal(code, fault.Code);
    }

    [Fact]
    public async Task a_business_document_that_breaks_its_schema_is_invalid_content()
    {
        var fault = await Assert.ThrowsAsync<ExchangeInvalidContentException>(() =>
            gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.CitizenAppeal("The bus stop is gone", kind: "demand"), cancellationToken: Token));
        Assert.Equal("InvalidContent", fault.Element);
        Assert.Equal("EXCHANGE-400-SCHEMA-VIOLATION", fault.Code);
        Assert.Contains(fault.Details, d => d.Contains("Kind", StringComparison.Ordinal));
        Assert.False(fault.IsRetryable);
    }

    [Fact]
    public async Task a_type_nobody_provides_is_not_supported()
    {
        var fault = await Assert.ThrowsAnyAsync<ExchangeFaultException>(() =>
            gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("x", "urn:nobody", "Unknown"), cancellationToken: Token));
        Assert.Equal("BusinessDataTypeIsNotSupported", fault.Element);
    }

    [Fact]
    public async Task a_message_id_that_is_not_a_version_1_uuid_is_refused()
    {
        var fault = await Assert.ThrowsAnyAsync<ExchangeFaultException>(() =>
            gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("x"), new SendOptions(Guid.NewGuid()), Token));
        Assert.Equal("InvalidMessageIdFormat", fault.Element);
    }

    [Theory]
    [InlineData(-3 * 24 * 60)]
    [InlineData(60)]
    public async Task a_message_id_made_too_long_ago_or_in_the_future_is_stale(int minutesFromNow)
    {
        var id = MessageIds.NewVersion1(gateway.Clock.GetUtcNow().AddMinutes(minutesFromNow));
        var fault = await Assert.ThrowsAsync<ExchangeMessageIdFaultException>(() =>
            gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("x"), new SendOptions(id), Token));
        Assert.Equal("StaleMessageId", fault.Element);
        Assert.False(fault.IsAlreadySent);
    }

    [Fact]
    public async Task a_request_past_its_end_of_life_is_refused()
    {
        var fault = await Assert.ThrowsAnyAsync<ExchangeFaultException>(() => gateway.Client("PORTAL").SendRequestAsync(
            BusinessDocuments.Appeal("too late"), new SendOptions(EndOfLife: gateway.Clock.GetUtcNow().AddMinutes(-1)), Token));
        Assert.Equal("EndOfLifeReached", fault.Element);
    }

    [Fact]
    public async Task a_stranger_cannot_read_a_queue()
    {
        var fault = await Assert.ThrowsAnyAsync<ExchangeFaultException>(() => gateway.Client("STRANGER").GetRequestAsync(cancellationToken: Token));
        Assert.Equal("SenderIsNotRegistered", fault.Element);
    }

    [Fact]
    public async Task the_status_of_an_unknown_message_is_not_found()
    {
        using var response = await gateway.Admin().GetAsync(new Uri(gateway.BaseAddress, $"/api/messages/{MessageIds.NewVersion1(gateway.Clock.GetUtcNow())}/status"), Token);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
