using System.Text.Json;
using System.Text.Json.Serialization;
using Exchange.Adapters.Edms.Api;
using Exchange.Adapters.Edms.Messaging;
using Exchange.Adapters.Edms.Registration;
using Exchange.Adapters.Edms.Storage;
using Exchange.Adapters.Edms.Storage.Migrations;
using Exchange.Adapters.Sdk.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Exchange.Adapters.Edms;

/// <summary>Wires the reference EDMS into a web host: its database, modules and JSON API.</summary>
public static class EdmsApplication
{
    /// <summary>The connection string's configuration key: <c>ConnectionStrings:Edms</c>.</summary>
    public const string ConnectionStringName = "Edms";

    /// <summary>
    /// Registers the EDMS's storage, modules and API. The exchange side (the adapter host that calls
    /// <see cref="Messaging.EdmsMessageHandler"/> and provides the <c>IExchangeOutbox</c>) is registered beside it.
    /// </summary>
    /// <summary>
    /// The exchange side: the SDK's adapter host receiving into <see cref="EdmsMessageHandler"/> and keeping the status
    /// stream with <see cref="EdmsStatusHandler"/>, configured from the <c>Exchange</c> section; set
    /// <c>Exchange:Outbox:Provider</c> to <c>PostgreSql</c> so what the EDMS sends commits with its own changes.
    /// </summary>
    public static WebApplicationBuilder AddEdmsExchange(this WebApplicationBuilder builder)
    {
        builder.Services.AddExchangeAdapter(builder.Configuration.GetSection("Exchange"))
            .AddMessageHandler<EdmsMessageHandler>()
            .AddStatusHandler<EdmsStatusHandler>();
        return builder;
    }

    public static WebApplicationBuilder AddEdms(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(EdmsDatabase)))
        {
            throw new InvalidOperationException("AddEdms was called twice; call it once per host.");
        }
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Connection string 'ConnectionStrings:{ConnectionStringName}' (env ConnectionStrings__{ConnectionStringName}) is not set.");
        }
        services.AddOptions<EdmsOptions>().BindConfiguration(EdmsOptions.Section).ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), $"{EdmsOptions.Section}:TimeZone is not a known time zone.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString) { Name = "edms" }.Build());
        // The SDK's outbox reaches the EDMS's database through plain ADO.NET, so its entries commit with the EDMS's own.
        services.AddSingleton<System.Data.Common.DbDataSource>(provider => provider.GetRequiredService<NpgsqlDataSource>());
        services.AddSingleton<EdmsDatabase>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<JournalStore>();
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<DeliveryStatusStore>();
        services.AddSingleton<DocumentSearch>();
        services.AddSingleton<ControlStore>();
        services.AddSingleton<OutgoingLetters>();
        services.AddSingleton<AppealAnswers>();

        services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false)));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Unreadable bodies reach ProblemExceptionHandler, which names the field, instead of an empty 400.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Exchange reference EDMS";
            document.Info.Description = $"Registration journals, correspondence, citizens' appeals, operational control and the document store. " +
                $"Every /api call sends the EDMS's API key in the {ApiKeyFilter.Header} header.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapEdms(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapEdmsApi();
        app.MapOpenApi();
        return app;
    }

    /// <summary>Brings the EDMS's schema up to date; another instance migrating at the same moment is waited for.</summary>
    public static Task MigrateEdmsAsync(this WebApplication app, CancellationToken cancellationToken = default) =>
        app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(cancellationToken);
}
