using System.Net.Http.Json;
using System.Text.Json;
using Exchange.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Exchange.Gateway.Broker.Tests;

/// <summary>A RabbitMQ virtual host of its own for one test class, and helpers to look into it.</summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    private TestVirtualHost? _virtualHost;

    public TestVirtualHost VirtualHost => _virtualHost!;

    public IOptions<BrokerOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new BrokerOptions
    {
        DeliveryLimit = 3,
        RetryDelay = TimeSpan.FromMilliseconds(50),
    });

    public async ValueTask InitializeAsync() => _virtualHost = await TestVirtualHost.CreateAsync("broker");

    public BrokerConnection NewConnection() => new(VirtualHost.Address, "broker-tests");

    public QueueConsumer NewConsumer(BrokerConnection connection, IDeliveryHandler handler) =>
        new(connection, handler, Options, NullLogger<QueueConsumer>.Instance);

    /// <summary>What the management API says of a queue of this virtual host.</summary>
    public async Task<JsonElement> QueueAsync(string queue)
    {
        using var http = TestServers.ManagementClient();
        return await http.GetFromJsonAsync<JsonElement>($"api/queues/{VirtualHost.Name}/{Uri.EscapeDataString(queue)}");
    }

    /// <summary>Takes one message off a queue directly (for assertions), acking it.</summary>
    public async Task<BasicGetResult?> TakeAsync(BrokerConnection connection, string queue)
    {
        var amqp = await connection.GetAsync(CancellationToken.None);
        await using var channel = await amqp.CreateChannelAsync();
        return await channel.BasicGetAsync(queue, autoAck: true);
    }

    /// <summary>
    /// Waits for the message <paramref name="messageId"/> on a queue and takes it; messages that other tests left there
    /// are taken on the way (acked), so they cannot stand in for it.
    /// </summary>
    public async Task<BasicGetResult> TakeAsync(BrokerConnection connection, string queue, string messageId, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await TakeAsync(connection, queue) is not { } taken)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
            else if (taken.BasicProperties.MessageId == messageId)
            {
                return taken;
            }
        }
        throw new TimeoutException($"Message {messageId} did not reach {queue} within {patience.TotalSeconds} s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
        }
    }
}
