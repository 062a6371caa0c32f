using System.Diagnostics.CodeAnalysis;

namespace Exchange.Domain.Messages;

/// <summary>
/// A reason the gateway itself writes into a message's history: fixed English words around one value
/// (<c>{0}</c> in <see cref="Format"/>). Senders and recipients read the English; the console recognises the shape
/// to show the words in the operator's language.
/// </summary>
public sealed class ReasonTemplate
{
    private const string Placeholder = "{0}";

    private readonly string before;
    private readonly string after;

    public ReasonTemplate(string format)
    {
        var at = format.IndexOf(Placeholder, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ArgumentException($"The reason's format \"{format}\" has no {Placeholder} for its value.", nameof(format));
        }
        Format = format;
        before = format[..at];
        after = format[(at + Placeholder.Length)..];
    }

    /// <summary>The English words with <c>{0}</c> where the value goes (a composite format string).</summary>
    public string Format { get; }

    public string With(string value) => before + value + after;

    /// <summary>The value in a reason of this shape; false for any other reason.</summary>
    public bool TryRead(string? reason, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (reason is null || reason.Length <= before.Length + after.Length
            || !reason.StartsWith(before, StringComparison.Ordinal) || !reason.EndsWith(after, StringComparison.Ordinal))
        {
            return false;
        }
        value = reason[before.Length..^after.Length];
        return true;
    }
}
