using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Adapters.Sdk.Hosting;

/// <summary>Adds the EDMS's handlers to the adapter host that <c>AddExchangeAdapter</c> registered.</summary>
public sealed class ExchangeAdapterBuilder
{
    internal ExchangeAdapterBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }

    /// <summary>
    /// Registers the handler of received requests and responses, scoped: each message gets a DI scope of its own, so
    /// the handler may take a scoped <c>DbContext</c> or connection.
    /// </summary>
    public ExchangeAdapterBuilder AddMessageHandler<T>() where T : class, IExchangeMessageHandler => AddScoped<IExchangeMessageHandler, T>();

    /// <summary>Registers the handler of the status stream, scoped like <see cref="AddMessageHandler{T}"/>; the stream is read only when one is registered.</summary>
    public ExchangeAdapterBuilder AddStatusHandler<T>() where T : class, IExchangeStatusHandler => AddScoped<IExchangeStatusHandler, T>();

    private ExchangeAdapterBuilder AddScoped<TService, TImplementation>() where TService : class where TImplementation : class, TService
    {
        if (Services.FirstOrDefault(d => d.ServiceType == typeof(TService)) is { } registered)
        {
            throw new InvalidOperationException(
                $"A {typeof(TService).Name} is registered already ({registered.ImplementationType?.Name}): the adapter host hands each message to one handler.");
        }
        Services.AddScoped<TService, TImplementation>();
        return this;
    }
}
