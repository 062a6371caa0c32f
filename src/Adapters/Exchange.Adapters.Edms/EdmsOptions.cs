using System.ComponentModel.DataAnnotations;

namespace Exchange.Adapters.Edms;

/// <summary>The <c>Edms</c> section of appsettings.json.</summary>
public sealed class EdmsOptions
{
    public const string Section = "Edms";

    /// <summary>The body that runs this EDMS, as its outgoing letters name their sender.</summary>
    [Required]
    public string OrganisationName { get; set; } = "";

    /// <summary>Where the body works (an IANA zone): registration dates and a letter's answer deadline are its local dates.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Moscow";

    /// <summary>The key callers of the JSON API send in the <c>X-Api-Key</c> header.</summary>
    [Required, MinLength(16)]
    public string ApiKey { get; set; } = "";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
