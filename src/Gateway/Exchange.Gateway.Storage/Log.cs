using Microsoft.Extensions.Logging;

namespace Exchange.Gateway.Storage;

/// <summary>Storage log events, ids 1000–1999.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Applied database migration {Version} {Name}")]
    public static partial void Applied(ILogger logger, int version, string name);

}
