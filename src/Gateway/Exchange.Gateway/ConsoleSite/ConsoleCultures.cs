using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Exchange.Gateway.ConsoleSite;

/// <summary>
/// The console's languages: Russian for everyone unless a user picked English, remembered in a cookie. The browser's
/// Accept-Language is not consulted: the region's operators work in Russian whatever their browser was installed with.
/// </summary>
public static class ConsoleCultures
{
    public const string CookieName = "exchange.culture";

    public static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static IReadOnlyList<CultureInfo> Supported { get; } = [Russian, English];

    /// <summary>A language's name in that language, as language switches show it (not a text to translate).</summary>
    public static string OwnName(CultureInfo culture) => culture.Name == Russian.Name ? "Русский" : "English";

    public static CultureInfo? Find(string? name) => Supported.FirstOrDefault(c => c.Name == name);

    public static RequestLocalizationOptions Options() => new()
    {
        DefaultRequestCulture = new RequestCulture(Russian),
        SupportedCultures = [.. Supported],
        SupportedUICultures = [.. Supported],
        RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = CookieName }],
    };
}
