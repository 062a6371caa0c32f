using System.ComponentModel.DataAnnotations;

namespace Exchange.Gateway.Users;

/// <summary>Configuration section <c>Exchange:Console</c>: signing in to the operator console, and its sessions.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Exchange:Console";

    /// <summary>Wrong passwords in a row after which a user is locked out for <see cref="LockoutDuration"/>.</summary>
    [Range(1, 100)]
    public int LockoutAttempts { get; set; } = 5;

    /// <summary>How long a locked-out user is refused, whatever the password.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A session not used for this long ends; each request renews it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>A session ends this long after signing in, however busy it is; at least <see cref="SessionIdleTimeout"/>.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan SessionMaxLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// The participants page calls a participant's consumer alive while it holds a lease or took a message within this
    /// long (the time is kept to a minute).
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ConsumerAliveWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Let the session and antiforgery cookies travel over plain HTTP. Only for a demo or tests on a loopback address,
    /// where there is no TLS to speak of; anywhere else a cookie sent in clear is a session handed to whoever listens.
    /// </summary>
    public bool AllowInsecureCookies { get; set; }

    internal CookieSecurePolicy CookieSecurePolicy => AllowInsecureCookies ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
}
