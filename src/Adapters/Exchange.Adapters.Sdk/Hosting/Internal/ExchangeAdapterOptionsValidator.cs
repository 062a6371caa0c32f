using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Sdk.Hosting.Internal;

/// <summary>The rules that span fields, the client's options, or what the application registered.</summary>
internal sealed class ExchangeAdapterOptionsValidator(IOptions<ExchangeClientOptions> client, IServiceProviderIsService services)
    : IValidateOptions<ExchangeAdapterOptions>
{
    public ValidateOptionsResult Validate(string? name, ExchangeAdapterOptions options)
    {
        var failures = new List<string>();
        var timeout = client.Value.Timeout;
        if (!ExchangeClient.WaitEndsBeforeTimeout(options.Wait, timeout))
        {
            // A call cut by the timeout while the gateway hands out a message leaves that message leased until its lease runs out.
            failures.Add($"{ExchangeAdapterOptions.Section}:Wait ({options.Wait}) must end 5 s before {ExchangeClientOptions.Section}:Timeout ({timeout}): wait less or raise the timeout.");
        }
        if (options.ErrorDelay > options.MaxErrorDelay)
        {
            failures.Add($"{ExchangeAdapterOptions.Section}:ErrorDelay ({options.ErrorDelay}) must not exceed MaxErrorDelay ({options.MaxErrorDelay}).");
        }
        foreach (var (key, names) in new[] { ("RequestTypes", options.RequestTypes), ("ResponseTypes", options.ResponseTypes) })
        {
            failures.AddRange(names.Where(type => MessageTypeNames.TryParse(type) is null).Select(type =>
                $"{ExchangeAdapterOptions.Section}:{key} holds '{type}': write a type as {{namespace}}RootElement."));
        }
        if ((options.ReceiveRequests || options.ReceiveResponses) && !services.IsService(typeof(IExchangeMessageHandler)))
        {
            failures.Add($"The adapter receives messages but no handler is registered: call AddMessageHandler<T>() on AddExchangeAdapter's builder, or set {ExchangeAdapterOptions.Section}:ReceiveRequests and ReceiveResponses to false.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
