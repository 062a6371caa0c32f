using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Exchange.Gateway.Tests.AdapterCrash;

/// <summary>
/// A forwarding HTTP proxy between an adapter and the gateway's SOAP endpoint, which can crash the adapter at a chosen
/// point of one call (the SOAPAction header names the operation): before the call reaches the gateway, or after the
/// gateway answered and before the adapter hears it. Each rule fires once; the call it fires on is cut off.
/// </summary>
public sealed class CrashingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> Unforwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Transfer-Encoding", "Connection",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _gateway = new() { Timeout = TimeSpan.FromMinutes(1) };
    private readonly Uri _target;
    private readonly ConcurrentQueue<ForwardedCall> _forwarded = new();
    private CrashRule? _rule;

    private CrashingProxy(WebApplication app, Uri target)
    {
        _app = app;
        _target = target;
    }

    /// <summary>Where the adapter sends its calls (the gateway's SOAP path on the proxy).</summary>
    public Uri Endpoint => new(new Uri(_app.Urls.First()), _target.AbsolutePath);

    /// <summary>The calls forwarded so far, with the gateway's answers, in order.</summary>
    public IReadOnlyCollection<ForwardedCall> Forwarded => _forwarded;

    /// <summary>Whether the rule set last has fired.</summary>
    public bool Fired => _rule is { Fired: true };

    public static async Task<CrashingProxy> StartAsync(Uri target, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new CrashingProxy(app, target);
        app.MapPost("/{**path}", proxy.ForwardAsync);
        await app.StartAsync(cancellationToken);
        return proxy;
    }

    /// <summary>The next <paramref name="operation"/> call runs <paramref name="crash"/> instead of reaching the gateway.</summary>
    public void CrashBefore(string operation, Func<Task> crash) => _rule = new CrashRule(operation, AfterAnswer: false, crash);

    /// <summary>The next <paramref name="operation"/> call reaches the gateway; once it answered, <paramref name="crash"/> runs instead of the answer being returned.</summary>
    public void CrashAfterAnswer(string operation, Func<Task> crash) => _rule = new CrashRule(operation, AfterAnswer: true, crash);

    private async Task ForwardAsync(HttpContext context)
    {
        var operation = context.Request.Headers["SOAPAction"].ToString().Trim('"').Replace("urn:", "", StringComparison.Ordinal);
        var rule = _rule is { } armed && armed.Operation == operation ? armed : null;
        if (rule is { AfterAnswer: false } && rule.TryFire())
        {
            await rule.Crash();
            context.Abort();
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _target);
        request.Content = new StreamContent(context.Request.Body);
        foreach (var (name, values) in context.Request.Headers)
        {
            if (!Unforwarded.Contains(name) && !request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }
        using var answer = await _gateway.SendAsync(request, context.RequestAborted);
        var body = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted);
        _forwarded.Enqueue(new ForwardedCall(operation, (int)answer.StatusCode, System.Text.Encoding.UTF8.GetString(body)));
        if (rule is { AfterAnswer: true } && rule.TryFire())
        {
            await rule.Crash();
            context.Abort();
            return;
        }

        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!Unforwarded.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _gateway.Dispose();
    }
}
