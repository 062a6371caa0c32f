using System.Text.Encodings.Web;
using System.Text.Unicode;
using Exchange.Gateway.Storage.Users;
using Exchange.Gateway.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.ConsoleSite;

/// <summary>
/// The operator console under <see cref="PathPrefix"/>: server-rendered Razor Pages (in <c>Pages/Console</c>) for the
/// users of the cookie scheme, with antiforgery on every form, strict security headers and status pages of its own,
/// in Russian (English on request, <see cref="ConsoleCultures"/>), its stylesheet served from the gateway's assembly.
/// </summary>
public static class ConsoleSiteExtensions
{
    public const string PathPrefix = "/console";
    public const string LoginPath = PathPrefix + "/login";
    public const string AssetsPath = PathPrefix + "/assets";
    public const int MaxRequestLineBytes = 64 * 1024;

    public static bool IsConsole(PathString path) => path.StartsWithSegments(PathPrefix);

    public static IServiceCollection AddConsoleSite(this IServiceCollection services)
    {
        // Named, since the entry assembly (whose pages are found by default) is not the gateway's when tests host it.
        services.AddRazorPages().AddApplicationPart(typeof(ConsoleSiteExtensions).Assembly);
        services.AddSingleton<ConsoleSessionValidator>();
        services.AddSingleton<ConsoleTime>();
        services.AddLocalization(localization => localization.ResourcesPath = "Resources");
        // Russian text as text: the default encoder would send every Cyrillic letter as a character reference.
        services.Configure<WebEncoderOptions>(encoding =>
            encoding.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement,
                UnicodeRanges.Cyrillic, UnicodeRanges.GeneralPunctuation));
        // One application name and one key ring for every node (ASP.NET Core's default is per machine and per path).
        services.AddDataProtection().SetApplicationName("exchange");
        services.AddOptions<KeyManagementOptions>()
            .Configure<SessionKeyStore>((keys, store) => keys.XmlRepository = new SharedSessionKeys(store));
        // A search form is a GET: an absurdly long field (10,000 Cyrillic letters are 60 KB escaped) should reach the page,
        // which says what to shorten, rather than end in Kestrel's bare 414 at its default 8 KB request line.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes);
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "exchange.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>()
            .Configure<IOptions<ConsoleOptions>>((antiforgery, console) => antiforgery.Cookie.SecurePolicy = console.Value.CookieSecurePolicy);
        return services;
    }

    /// <summary>Before routing: the console's headers, and its status pages (a re-executed request must be routed anew).</summary>
    public static WebApplication UseConsoleSite(this WebApplication app)
    {
        app.UseWhen(http => IsConsole(http.Request.Path), console => console
            .UseMiddleware<ConsoleSecurityHeaders>()
            .UseMiddleware<ConsoleRequiresHttps>()
            .UseRequestLocalization(ConsoleCultures.Options())
            .UseStatusCodePagesWithReExecute(PathPrefix + "/status/{0}")
            // Before authorization: the sign-in page needs the stylesheet too, and it holds nothing secret.
            .UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new ManifestEmbeddedFileProvider(typeof(ConsoleSiteExtensions).Assembly, "ConsoleSite/Assets"),
                RequestPath = AssetsPath,
            }));
        return app;
    }
}
