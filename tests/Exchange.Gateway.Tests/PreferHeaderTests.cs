using Exchange.Gateway.Soap;
using Microsoft.Extensions.Primitives;

namespace Exchange.Gateway.Tests;

/// <summary>Reading <c>wait</c> from HTTP <c>Prefer</c> (RFC 7240): what cannot be read is ignored, never refused.</summary>
public sealed class PreferHeaderTests
{
    [Theory]
    [InlineData("wait=10", 10)]
    [InlineData("WAIT = \"7\"", 7)]
    [InlineData("respond-async, wait=5", 5)]
    [InlineData("handling=lenient; foo=\"a, wait=99\", wait=3;x=y", 3)]
    [InlineData("wait=4, wait=8", 4)]
    [InlineData("wait=99999999999999999999", int.MaxValue)]
    public void the_first_wait_preferred_is_read(string header, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), PreferHeader.Wait(header));
    }

    [Theory]
    [InlineData("")]
    [InlineData("respond-async")]
    [InlineData("wait")]
    [InlineData("wait=")]
    [InlineData("wait=0")]
    [InlineData("wait=-5")]
    [InlineData("wait=2.5")]
    [InlineData("wait=soon, wait=5")]
    [InlineData("waiting=5")]
    [InlineData("\"unclosed, wait=5")]
    public void no_wait_is_read_from_what_asks_none_or_cannot_be_read(string header)
    {
        Assert.Null(PreferHeader.Wait(header));
    }

    [Fact]
    public void preferences_may_come_in_several_headers()
    {
        Assert.Equal(TimeSpan.FromSeconds(6), PreferHeader.Wait(new StringValues(["respond-async", "wait=6"])));
    }

    [Fact]
    public void no_header_asks_no_wait()
    {
        Assert.Null(PreferHeader.Wait(StringValues.Empty));
    }
}
