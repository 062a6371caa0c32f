using System.ComponentModel.DataAnnotations;

namespace Exchange.Gateway;

/// <summary>Section <c>Exchange:Gateway</c>: this node and how it starts.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Exchange:Gateway";

    /// <summary>Name of this node in logs, status history and the broker's connection list.</summary>
    [Required]
    public string NodeName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>How long start-up waits for PostgreSQL before giving up with an error that names it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A directory file (the admin API's export format) imported at start-up once per version of its content; relative
    /// paths are taken from the working directory.
    /// </summary>
    public string? DirectoryFile { get; set; }
}
