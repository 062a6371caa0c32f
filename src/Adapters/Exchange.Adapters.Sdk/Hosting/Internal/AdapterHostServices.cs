using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Sdk.Hosting.Internal;

/// <summary>What every loop of the adapter host works with.</summary>
/// <param name="time">The clock the pauses are measured on; null is the system clock.</param>
internal sealed class AdapterHostServices(IServiceScopeFactory scopes, IOptions<ExchangeAdapterOptions> options, AdapterMetrics metrics,
    TimeProvider? time = null)
{
    public IServiceScopeFactory Scopes { get; } = scopes;
    public ExchangeAdapterOptions Options => options.Value;
    public AdapterMetrics Metrics { get; } = metrics;
    public TimeProvider Time { get; } = time ?? TimeProvider.System;
}
