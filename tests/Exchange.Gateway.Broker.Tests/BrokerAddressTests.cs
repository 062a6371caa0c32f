namespace Exchange.Gateway.Broker.Tests;

/// <summary>What of a broker address may reach a log or an error message: never the password, however it was written.</summary>
public sealed class BrokerAddressTests
{
    [Theory]
    [InlineData("amqp://exchange:s3cret@rabbit:5672/region", "amqp://exchange@rabbit:5672/region")]
    [InlineData("amqp://exchange:s3c@r/et@rabbit:5672/", "amqp://exchange@rabbit:5672/")]
    [InlineData("host=rabbit;username=exchange;password=s3cret;vhost=region", "host=rabbit;username=exchange;password=***;vhost=region")]
    [InlineData("Host=rabbit;Pwd = s3cret", "Host=rabbit;Pwd=***")]
    [InlineData("amqp://rabbit:5672/", "amqp://rabbit:5672/")]
    public void the_password_is_never_shown(string address, string shown)
    {
        Assert.Equal(shown, BrokerAddress.Redact(address));
        Assert.DoesNotContain("s3c", BrokerAddress.Redact(address));
    }
}
