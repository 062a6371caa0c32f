namespace Exchange.Signing.Transforms;

/// <summary>
/// The generated prefixes in scope while the transform walks the fragment: a stack of per-element declarations
/// over one counter. A URI bound anywhere in the stack is reused; otherwise the next <c>nsN</c> is declared on the
/// current element and forgotten when it closes. The counter never goes back, so a sibling needing the same URI
/// declares it again under a new number, exactly as the reference does.
/// </summary>
internal sealed class PrefixScope
{
    // A URI is bound at most once in the stack (it is only declared when not found), so it can key the lookup.
    private readonly Dictionary<string, string> _prefixByUri = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, string Uri)> _declarations = [];
    private readonly Stack<int> _elementStarts = new();
    private int _counter;

    public void Open() => _elementStarts.Push(_declarations.Count);

    public void Close()
    {
        var start = _elementStarts.Pop();
        for (var i = start; i < _declarations.Count; i++)
        {
            _prefixByUri.Remove(_declarations[i].Uri);
        }
        _declarations.RemoveRange(start, _declarations.Count - start);
    }

    /// <summary>The prefix for <paramref name="uri"/>, declaring a new one on the current element if none is in scope.</summary>
    /// <remarks>The empty URI is treated like any other: a no-namespace element gets <c>xmlns:nsN=""</c>.</remarks>
    public string Resolve(string uri)
    {
        if (_prefixByUri.TryGetValue(uri, out var prefix))
        {
            return prefix;
        }
        prefix = "ns" + (++_counter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _prefixByUri.Add(uri, prefix);
        _declarations.Add((prefix, uri));
        return prefix;
    }

    /// <summary>The prefix an open element's namespace was resolved to.</summary>
    public string PrefixOf(string uri) => _prefixByUri[uri];

    /// <summary>The declarations made on the current element, in the order they were made.</summary>
    public IEnumerable<(string Prefix, string Uri)> DeclaredHere()
    {
        for (var i = _elementStarts.Peek(); i < _declarations.Count; i++)
        {
            yield return _declarations[i];
        }
    }
}
