using System.ComponentModel.DataAnnotations;

namespace Exchange.Gateway.Directory;

/// <summary>Configuration section <c>Exchange:Directory</c>.</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Exchange:Directory";

    /// <summary>
    /// Reload the directory at least this often even without a change notification (a safety net for
    /// notifications lost while the listening connection was down).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
