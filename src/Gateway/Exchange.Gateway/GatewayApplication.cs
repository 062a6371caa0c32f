using System.Text.Json;
using System.Text.Json.Serialization;
using Exchange.Domain.Deadlines;
using Exchange.Domain.Users;
using Exchange.Gateway.Acceptance;
using Exchange.Gateway.Administration;
using Exchange.Gateway.Attachments;
using Exchange.Gateway.Authentication;
using Exchange.Gateway.Broker;
using Exchange.Gateway.Callers;
using Exchange.Gateway.ConsoleSite;
using Exchange.Gateway.Deadlines;
using Exchange.Gateway.Delivery;
using Exchange.Gateway.Directory;
using Exchange.Gateway.Health;
using Exchange.Gateway.Metrics;
using Exchange.Gateway.Scheduling;
using Exchange.Gateway.Signing;
using Exchange.Gateway.Soap;
using Exchange.Gateway.Soap.Operations;
using Exchange.Gateway.Startup;
using Exchange.Gateway.Status;
using Exchange.Gateway.Storage;
using Exchange.Gateway.Users;
using Exchange.Protocol.BusinessTypes;
using Exchange.Protocol.Messages;
using Exchange.Signing.Certificates;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway;

/// <summary>Builds the gateway host; used by Program and by tests that run a real gateway on loopback.</summary>
public static class GatewayApplication
{
    /// <summary>
    /// Builds the host and prepares its database (waits for it, migrates, imports the directory file), so the
    /// returned application only has to be started.
    /// </summary>
    public static async Task<WebApplication> CreateAsync(string[] args, Action<WebApplicationBuilder>? configure = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.AddGateway();

        var app = builder.Build();
        app.MapGateway();

        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        // Load the gateway's key and trust store now: a wrong path or password must stop start-up, not the first call.
        app.Services.GetRequiredService<GatewaySigner>();
        app.Services.GetRequiredService<CertificateValidator>();
        if (app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.DirectoryFile is { Length: > 0 } directoryFile)
        {
            await app.Services.GetRequiredService<DirectoryFileImporter>().ImportAsync(directoryFile, cancellationToken);
        }
        await app.Services.GetRequiredService<DirectoryCache>().ReloadAsync(cancellationToken);
        return app;
    }

    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SoapOptions>().BindConfiguration(SoapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        var nodeName = builder.Configuration[$"{GatewayOptions.Section}:NodeName"] ?? new GatewayOptions().NodeName;
        services.AddGatewayStorage(builder.Configuration, nodeName);
        services.AddGatewayBroker(builder.Configuration, clientName: $"exchange-gateway {nodeName}");

        services.AddSingleton<DatabaseInitializer>();
        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DirectoryCache>();
        services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.Section).ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Exchange:Calendar:TimeZone is not a known time zone.")
            .ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var calendar = provider.GetRequiredService<IOptions<CalendarOptions>>().Value;
            return new WorkingCalendar(TimeZoneInfo.FindSystemTimeZoneById(calendar.TimeZone), calendar.Holidays, calendar.WorkingWeekends);
        });
        services.AddSingleton<DirectoryFileImporter>();
        services.AddHostedService<DirectoryChangeListener>();
        services.AddSingleton<GatewaySigner>();
        services.AddSingleton(provider =>
        {
            var signing = provider.GetRequiredService<IOptions<SigningOptions>>().Value;
            return new CertificateValidator(TrustStore.FromFiles(signing.TrustedCertificates, signing.Crls, signing.RequireCrl));
        });
        services.AddSingleton<TrustRefreshService>();
        services.AddHostedService(provider => provider.GetRequiredService<TrustRefreshService>());
        services.AddSingleton<CallerVerifier>();
        services.AddSingleton<ReplayGuard>();
        services.AddSingleton<ISoapOperation, SendRequestOperation>();
        services.AddSingleton<ISoapOperation>(provider => ActivatorUtilities.CreateInstance<GetMessageOperation>(provider, MessageKind.Request));
        services.AddSingleton<ISoapOperation, SendResponseOperation>();
        services.AddSingleton<ISoapOperation>(provider => ActivatorUtilities.CreateInstance<GetMessageOperation>(provider, MessageKind.Response));
        services.AddSingleton<ISoapOperation, GetStatusOperation>();
        services.AddSingleton<MessageIdWindow>();
        services.AddSingleton<MessageAcceptance>();
        services.AddSingleton<DestinationCapacity>();
        services.AddSingleton<PersonalSignatureVerifier>();
        services.AddSingleton<AttachmentIntake>();
        services.AddSingleton<BusinessTypeRegistry>();
        services.AddSingleton<ISoapOperation, AckOperation>();
        services.AddSingleton<ISoapOperation, GetMessageStatusOperation>();
        services.AddSingleton<MessageStatusLookup>();
        services.AddSingleton<SoapEndpoint>();

        services.AddSingleton<RelaySignal>();
        services.AddSingleton<DeliveryWaiters>();
        services.AddHostedService<InboxArrivalListener>();
        services.AddSingleton<IDeliveryHandler, InboxWriter>();
        services.AddHostedService<OutboxRelayService>();
        services.AddHostedService<InboxIngestService>();
        services.AddSingleton<DeadLetterQueue>();
        services.AddGatewayScheduler(builder.Configuration, nodeName);
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<MinuteCounts>();
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<MetricsFlushService>();
        services.AddHostedService(provider => provider.GetRequiredService<MetricsFlushService>());

        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.AddGatewayAuthentication();
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.SessionIdleTimeout <= o.SessionMaxLifetime, "Exchange:Console:SessionMaxLifetime is shorter than SessionIdleTimeout.")
            .ValidateOnStart();
        services.AddSingleton<IPasswordHasher<ConsoleUser>, PasswordHasher<ConsoleUser>>();
        services.AddSingleton<ConsoleUsers>();
        services.AddConsoleSite();
        services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)));
        services.AddOpenApi();
        services.AddProblemDetails();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("postgresql", tags: ["ready"])
            .AddCheck<BrokerHealthCheck>("rabbitmq", tags: ["ready"]);

        // Our own bounded read answers oversized bodies with a SOAP fault; Kestrel's limit only stops
        // bodies far past it from being streamed at all.
        var soapLimit = builder.Configuration.GetValue<long?>($"{SoapOptions.Section}:MaxRequestBytes") ?? new SoapOptions().MaxRequestBytes;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = soapLimit * 2);
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseConsoleSite();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPost(SoapEndpoint.Path, (HttpContext http, SoapEndpoint endpoint) => endpoint.HandleAsync(http)).AllowAnonymous();
        app.MapServiceDescription();
        app.MapStatusApi();
        app.MapParticipantStatusApi();
        app.MapAdminApi();
        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}
