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

    /// <summary>Starts consuming the recipient's queue and returns once the consumer is live.</summary>
    public static async Task ConsumeAsync(QueueConsumer consumer, string recipient)
    {
        consumer.Consume(recipient, TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => Task.FromResult(consumer.IsConsuming(recipient)), $"a live consumer of {recipient}");
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after 30 s naming <paramref name="what"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 30 s in vain for {what}.");
            }
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>How many consumers the queue has, as the broker counts them now (the management API's figures lag).</summary>
    public static async Task<uint> ConsumerCountAsync(BrokerConnection connection, string queue) =>
        (await PassiveDeclareAsync(connection, queue)).ConsumerCount;

    /// <summary>How many messages wait in the queue, as the broker counts them now.</summary>
    public static async Task<uint> MessageCountAsync(BrokerConnection connection, string queue) =>
        (await PassiveDeclareAsync(connection, queue)).MessageCount;

    private static async Task<QueueDeclareOk> PassiveDeclareAsync(BrokerConnection connection, string queue)
    {
        var amqp = await connection.GetAsync(CancellationToken.None);
        await using var channel = await amqp.CreateChannelAsync();
        return await channel.QueueDeclarePassiveAsync(queue);
    }

    /// <summary>Sends a request to the management API of the shared broker; fails unless it succeeds.</summary>
    public static async Task ManageAsync(HttpMethod method, string path, object? body = null)
    {
        using var http = TestServers.ManagementClient();
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        (await http.SendAsync(request, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
    }

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
