namespace Exchange.Cli;

/// <summary>"--name value" options and positional words of one command line, with errors that say what is missing.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    public Arguments(IEnumerable<string> args)
    {
        using var words = args.GetEnumerator();
        while (words.MoveNext())
        {
            var word = words.Current;
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                _positional.Add(word);
                continue;
            }
            if (!words.MoveNext())
            {
                throw new UsageException($"Option {word} needs a value.");
            }
            if (!_options.TryGetValue(word[2..], out var values))
            {
                _options[word[2..]] = values = [];
            }
            values.Add(words.Current);
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    public string Required(string name) => Optional(name) ?? throw new UsageException($"Option --{name} is required.");

    public string? Optional(string name) => _options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var values) ? values : [];

    public int Number(string name, int fallback) => Optional(name) is { } text
        ? int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new UsageException($"Option --{name} takes a positive whole number, not '{text}'.")
        : fallback;
}

/// <summary>The command line was wrong; the message says how.</summary>
internal sealed class UsageException(string message) : Exception(message);
