using System.Text.RegularExpressions;

namespace Exchange.Gateway.Broker;

/// <summary>A broker address as logs and error messages may show it: the user and host stay, the password never does.</summary>
public static partial class BrokerAddress
{
    /// <summary>
    /// <c>amqp://user:secret@host:5672/vhost</c> becomes <c>amqp://user@host:5672/vhost</c>. Works on any text, also a
    /// connection string that is not a valid URI (which is when it ends up in an error message): the password is what
    /// lies between the user name's colon and the last <c>@</c>, which is where the host begins even if the password
    /// itself holds an unescaped <c>@</c> or <c>/</c>. A keyword-style string (<c>password=…;</c>, an easy slip beside
    /// PostgreSQL's connection string) has the keyword's value hidden.
    /// </summary>
    public static string Redact(string address)
    {
        address = PasswordKeyword().Replace(address, "$1=***");
        var scheme = address.IndexOf("://", StringComparison.Ordinal);
        var userStart = scheme < 0 ? 0 : scheme + 3;
        var hostStart = address.LastIndexOf('@');
        if (hostStart < userStart)
        {
            return address;
        }
        var colon = address.IndexOf(':', userStart, hostStart - userStart);
        return colon < 0 ? address : string.Concat(address.AsSpan(0, colon), address.AsSpan(hostStart));
    }

    [GeneratedRegex(@"\b(password|pwd)\s*=[^;]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordKeyword();

    public static string Redact(Uri address) => Redact(address.OriginalString);
}
