using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Sdk.Outbox;

/// <summary>What the attributes of <see cref="ExchangeOutboxOptions"/> cannot say: rules across its settings.</summary>
internal sealed partial class ExchangeOutboxOptionsValidator : IValidateOptions<ExchangeOutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, ExchangeOutboxOptions options)
    {
        var errors = new List<string>();
        if (options.Provider == ExchangeOutboxProvider.Sqlite && string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            errors.Add($"{ExchangeOutboxOptions.Section}:SqlitePath must name the outbox's SQLite file.");
        }
        // The schema is written into SQL, so only a plain identifier is taken.
        if (!Identifier().IsMatch(options.Schema))
        {
            errors.Add($"{ExchangeOutboxOptions.Section}:Schema '{options.Schema}' must be a plain identifier (letters, digits, '_').");
        }
        if (options.RetryDelay > options.MaxRetryDelay)
        {
            errors.Add($"{ExchangeOutboxOptions.Section}:RetryDelay ({options.RetryDelay}) exceeds MaxRetryDelay ({options.MaxRetryDelay}).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
