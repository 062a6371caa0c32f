using System.Globalization;
using System.Xml;
using System.Xml.Schema;

namespace Exchange.Protocol.Tests.Schemas;

/// <summary>
/// Compares two compiled schema sets for what matters on the wire, and names the first difference with a path.
/// <para>
/// Compared: the target namespaces; the sets of global elements, global named types and global attributes
/// (both ways: no missing and no extra names, since an extra global element would be picked up by the lax
/// wildcards); then, recursively from every global element and named type, each element declaration
/// (name, nillable, abstract, default/fixed, block/final, substitution group, identity constraints, type and
/// non-XSD attributes such as xmime:expectedContentTypes), each type (name or anonymity, simple/complex,
/// derivation method and base, abstract, mixed, content type, attribute uses with use, type, default and
/// fixed, attribute wildcard), each content model as the compiled effective particle (so extensions include
/// their base's particles) and each simple type's value space (built-in primitive, variety, list item and
/// union member types, and the facets of every restriction step: patterns per step, the effective enumeration,
/// tightest length bounds, value bounds, digits, white space).
/// </para>
/// <para>
/// Content models are compared after a language-preserving normalisation: groups that cannot occur at all are
/// dropped, empty sequences are dropped, a sequence inside a sequence (or a choice inside a choice) that occurs
/// exactly once is spliced into its parent, and a group with a single particle is replaced by that particle
/// when either the group or the particle occurs exactly once. Nothing else is forgiven: particle order, kinds,
/// occurrence bounds, element names, wildcard namespaces and processing all have to agree.
/// </para>
/// </summary>
internal sealed class SchemaModelComparer
{
    private const string JaxbNamespace = "http://java.sun.com/xml/ns/jaxb";

    private static readonly Dictionary<string, string> Prefixes = new()
    {
        ["urn://x-artefacts-smev-gov-ru/services/message-exchange/types/1.3"] = "types",
        ["urn://x-artefacts-smev-gov-ru/services/message-exchange/types/basic/1.3"] = "basic",
        ["urn://x-artefacts-smev-gov-ru/services/message-exchange/types/faults/1.3"] = "faults",
        ["urn://x-artefacts-smev-gov-ru/services/message-exchange/types/routing/1.3"] = "rout",
        ["urn://x-artefacts-smev-gov-ru/services/message-exchange/types/directive/1.3"] = "direct",
        [XmlSchema.Namespace] = "xs",
    };

    private readonly XmlSchemaSet _expected;
    private readonly XmlSchemaSet _actual;
    private readonly HashSet<(XmlSchemaType, XmlSchemaType)> _typesCompared = [];

    /// <param name="expected">The reference set (the official one).</param>
    /// <param name="actual">The set checked against it (ours).</param>
    public SchemaModelComparer(XmlSchemaSet expected, XmlSchemaSet actual)
    {
        _expected = expected;
        _actual = actual;
    }

    /// <summary>Global elements compared so far (for reporting coverage).</summary>
    public int ElementsCompared { get; private set; }

    /// <summary>The first difference, as "path: what differs", or null when the sets are equivalent.</summary>
    public string? FirstDifference()
    {
        try
        {
            CompareSets();
            return null;
        }
        catch (SchemaDifferenceException difference)
        {
            return difference.Message;
        }
    }

    /// <summary>Compares one global element of each set (same name expected).</summary>
    public string? FirstDifference(XmlQualifiedName globalElement)
    {
        try
        {
            CompareElements(Global(_expected, globalElement), Global(_actual, globalElement), Name(globalElement));
            return null;
        }
        catch (SchemaDifferenceException difference)
        {
            return difference.Message;
        }
    }

    private static XmlSchemaElement Global(XmlSchemaSet set, XmlQualifiedName name) =>
        set.GlobalElements[name] as XmlSchemaElement ?? throw new SchemaDifferenceException($"{Name(name)}: not a global element");

    private void CompareSets()
    {
        Same("/", "target namespaces",
            Sorted(_expected.Schemas().Cast<XmlSchema>().Select(s => s.TargetNamespace ?? "")),
            Sorted(_actual.Schemas().Cast<XmlSchema>().Select(s => s.TargetNamespace ?? "")));
        Same("/", "global elements", Sorted(Names(_expected.GlobalElements)), Sorted(Names(_actual.GlobalElements)));
        Same("/", "global named types", Sorted(Names(_expected.GlobalTypes)), Sorted(Names(_actual.GlobalTypes)));
        Same("/", "global attributes", Sorted(Names(_expected.GlobalAttributes)), Sorted(Names(_actual.GlobalAttributes)));

        foreach (var name in _expected.GlobalElements.Names.Cast<XmlQualifiedName>().OrderBy(n => n.ToString(), StringComparer.Ordinal))
        {
            CompareElements(Global(_expected, name), Global(_actual, name), Name(name));
            ElementsCompared++;
        }
        foreach (var name in _expected.GlobalTypes.Names.Cast<XmlQualifiedName>().Where(n => n.Namespace != XmlSchema.Namespace).OrderBy(n => n.ToString(), StringComparer.Ordinal))
        {
            CompareTypes((XmlSchemaType)_expected.GlobalTypes[name]!, (XmlSchemaType)_actual.GlobalTypes[name]!, "type " + Name(name));
        }
    }

    // ------------------------------------------------------------------ elements

    private void CompareElements(XmlSchemaElement expected, XmlSchemaElement actual, string path)
    {
        Same(path, "name", Name(expected.QualifiedName), Name(actual.QualifiedName));
        Same(path, "nillable", expected.IsNillable, actual.IsNillable);
        Same(path, "abstract", expected.IsAbstract, actual.IsAbstract);
        Same(path, "default value", expected.DefaultValue, actual.DefaultValue);
        Same(path, "fixed value", expected.FixedValue, actual.FixedValue);
        Same(path, "block", expected.BlockResolved, actual.BlockResolved);
        Same(path, "final", expected.FinalResolved, actual.FinalResolved);
        Same(path, "substitution group", Name(expected.SubstitutionGroup), Name(actual.SubstitutionGroup));
        Same(path, "identity constraints", expected.Constraints.Count, actual.Constraints.Count);
        Same(path, "foreign attributes", ForeignAttributes(expected), ForeignAttributes(actual));
        CompareTypes(expected.ElementSchemaType!, actual.ElementSchemaType!, path);
    }

    private static string ForeignAttributes(XmlSchemaElement element) =>
        string.Join(", ", (element.UnhandledAttributes ?? [])
            .Where(a => a.NamespaceURI != JaxbNamespace)
            .Select(a => $"{{{a.NamespaceURI}}}{a.LocalName}={a.Value}")
            .Order(StringComparer.Ordinal));

    // --------------------------------------------------------------------- types

    private void CompareTypes(XmlSchemaType expected, XmlSchemaType actual, string path)
    {
        if (!_typesCompared.Add((expected, actual)))
        {
            return;
        }
        Same(path, "type name (empty when anonymous)", Name(expected.QualifiedName), Name(actual.QualifiedName));
        if (expected.QualifiedName.Namespace == XmlSchema.Namespace)
        {
            return; // the same built-in type
        }
        Same(path, "kind of type", Kind(expected), Kind(actual));
        Same(path, "final", expected.FinalResolved, actual.FinalResolved);
        Same(path, "derivation", expected.DerivedBy, actual.DerivedBy);
        Same(path, "base type", Name(expected.BaseXmlSchemaType?.QualifiedName), Name(actual.BaseXmlSchemaType?.QualifiedName));
        if (expected.BaseXmlSchemaType is { } expectedBase && actual.BaseXmlSchemaType is { } actualBase)
        {
            CompareTypes(expectedBase, actualBase, path + " (base)");
        }

        if (expected is XmlSchemaSimpleType expectedSimple && actual is XmlSchemaSimpleType actualSimple)
        {
            CompareValueSpaces(expectedSimple, actualSimple, path);
            return;
        }

        var expectedComplex = (XmlSchemaComplexType)expected;
        var actualComplex = (XmlSchemaComplexType)actual;
        Same(path, "abstract", expectedComplex.IsAbstract, actualComplex.IsAbstract);
        Same(path, "block", expectedComplex.BlockResolved, actualComplex.BlockResolved);
        Same(path, "mixed", expectedComplex.IsMixed, actualComplex.IsMixed);
        Same(path, "content type", expectedComplex.ContentType, actualComplex.ContentType);
        CompareAttributes(expectedComplex, actualComplex, path);

        switch (expectedComplex.ContentType)
        {
            case XmlSchemaContentType.TextOnly:
                Same(path, "text content", SimpleContentDescription(expectedComplex), SimpleContentDescription(actualComplex));
                break;
            case XmlSchemaContentType.ElementOnly:
            case XmlSchemaContentType.Mixed:
                CompareNodes(Normalize(expectedComplex.ContentTypeParticle), Normalize(actualComplex.ContentTypeParticle), path);
                break;
        }
    }

    private static string Kind(XmlSchemaType type) => type is XmlSchemaSimpleType ? "simple" : "complex";

    private void CompareAttributes(XmlSchemaComplexType expected, XmlSchemaComplexType actual, string path)
    {
        var expectedUses = expected.AttributeUses.Values.Cast<XmlSchemaAttribute>().ToDictionary(a => a.QualifiedName);
        var actualUses = actual.AttributeUses.Values.Cast<XmlSchemaAttribute>().ToDictionary(a => a.QualifiedName);
        Same(path, "attributes", Sorted(expectedUses.Keys.Select(Name)), Sorted(actualUses.Keys.Select(Name)));
        foreach (var (name, expectedAttribute) in expectedUses.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal))
        {
            var actualAttribute = actualUses[name];
            var attributePath = $"{path}/@{Name(name)}";
            Same(attributePath, "use", Use(expectedAttribute), Use(actualAttribute));
            Same(attributePath, "default value", expectedAttribute.DefaultValue, actualAttribute.DefaultValue);
            Same(attributePath, "fixed value", expectedAttribute.FixedValue, actualAttribute.FixedValue);
            CompareTypes(expectedAttribute.AttributeSchemaType!, actualAttribute.AttributeSchemaType!, attributePath);
        }
        Same(path, "attribute wildcard", Wildcard(expected.AttributeWildcard), Wildcard(actual.AttributeWildcard));
    }

    private static XmlSchemaUse Use(XmlSchemaAttribute attribute) => attribute.Use == XmlSchemaUse.None ? XmlSchemaUse.Optional : attribute.Use;

    private static string Wildcard(XmlSchemaAnyAttribute? wildcard) =>
        wildcard is null ? "none" : $"{wildcard.Namespace ?? "##any"} {ProcessContents(wildcard.ProcessContents)}";

    // ----------------------------------------------------------- value spaces

    private void CompareValueSpaces(XmlSchemaSimpleType expected, XmlSchemaSimpleType actual, string path)
    {
        Same(path, "value space", ValueSpace(expected), ValueSpace(actual));
        if (expected.Content is XmlSchemaSimpleTypeList expectedList && actual.Content is XmlSchemaSimpleTypeList actualList)
        {
            CompareTypes(expectedList.BaseItemType!, actualList.BaseItemType!, path + " (list item)");
        }
        if (expected.Content is XmlSchemaSimpleTypeUnion expectedUnion && actual.Content is XmlSchemaSimpleTypeUnion actualUnion)
        {
            var expectedMembers = expectedUnion.BaseMemberTypes ?? [];
            var actualMembers = actualUnion.BaseMemberTypes ?? [];
            Same(path, "union member count", expectedMembers.Length, actualMembers.Length);
            for (var i = 0; i < expectedMembers.Length; i++)
            {
                CompareTypes(expectedMembers[i], actualMembers[i], $"{path} (union member {i + 1})");
            }
        }
    }

    /// <summary>A canonical description of a simple type's value space, built from its whole restriction chain.</summary>
    private static string ValueSpace(XmlSchemaSimpleType type)
    {
        var facets = new FacetSummary();
        XmlSchemaType? step = type;
        while (step is XmlSchemaSimpleType simple && simple.QualifiedName.Namespace != XmlSchema.Namespace)
        {
            if (simple.Content is XmlSchemaSimpleTypeRestriction restriction)
            {
                facets.AddStep(restriction.Facets);
            }
            step = simple.BaseXmlSchemaType;
        }
        var datatype = type.Datatype!;
        return $"builtin {Name(step?.QualifiedName)}, {datatype.Variety}, {datatype.TypeCode}, {facets}";
    }

    /// <summary>The value space of a complex type with simple content: its simple base chain plus simpleContent restriction facets.</summary>
    private static string SimpleContentDescription(XmlSchemaComplexType type)
    {
        var facets = new FacetSummary();
        XmlSchemaType? step = type;
        while (step is XmlSchemaComplexType complex)
        {
            if (complex.ContentModel?.Content is XmlSchemaSimpleContentRestriction restriction)
            {
                facets.AddStep(restriction.Facets);
            }
            step = complex.BaseXmlSchemaType;
        }
        var simpleBase = step as XmlSchemaSimpleType;
        return $"{(simpleBase is null ? "no simple base" : ValueSpace(simpleBase))}; complex restriction steps: {facets}";
    }

    private sealed class FacetSummary
    {
        private readonly List<string> _patternSteps = [];
        private string? _enumeration;
        private readonly SortedSet<string> _bounds = new(StringComparer.Ordinal);
        private int? _length;
        private int? _minLength;
        private int? _maxLength;
        private int? _totalDigits;
        private int? _fractionDigits;
        private string? _whiteSpace;

        /// <summary>Adds the facets of one restriction step; steps are added from the most derived to the base.</summary>
        public void AddStep(XmlSchemaObjectCollection stepFacets)
        {
            var facets = stepFacets.Cast<XmlSchemaFacet>().ToList();
            var patterns = facets.OfType<XmlSchemaPatternFacet>().Select(f => f.Value!).Order(StringComparer.Ordinal).ToList();
            if (patterns.Count > 0)
            {
                _patternSteps.Add("(" + string.Join(" | ", patterns) + ")");
            }
            var enumeration = facets.OfType<XmlSchemaEnumerationFacet>().Select(f => f.Value!).Order(StringComparer.Ordinal).ToList();
            if (enumeration.Count > 0)
            {
                _enumeration ??= string.Join(" | ", enumeration); // the most derived enumeration is the effective one
            }
            foreach (var facet in facets)
            {
                switch (facet)
                {
                    case XmlSchemaLengthFacet f: _length = Tighter(_length, Int(f), Math.Min); break;
                    case XmlSchemaMinLengthFacet f: _minLength = Tighter(_minLength, Int(f), Math.Max); break;
                    case XmlSchemaMaxLengthFacet f: _maxLength = Tighter(_maxLength, Int(f), Math.Min); break;
                    case XmlSchemaTotalDigitsFacet f: _totalDigits = Tighter(_totalDigits, Int(f), Math.Min); break;
                    case XmlSchemaFractionDigitsFacet f: _fractionDigits = Tighter(_fractionDigits, Int(f), Math.Min); break;
                    case XmlSchemaWhiteSpaceFacet f: _whiteSpace ??= f.Value; break;
                    case XmlSchemaMinInclusiveFacet f: _bounds.Add(">= " + f.Value); break;
                    case XmlSchemaMinExclusiveFacet f: _bounds.Add("> " + f.Value); break;
                    case XmlSchemaMaxInclusiveFacet f: _bounds.Add("<= " + f.Value); break;
                    case XmlSchemaMaxExclusiveFacet f: _bounds.Add("< " + f.Value); break;
                }
            }
        }

        private static int Int(XmlSchemaFacet facet) => int.Parse(facet.Value!, NumberStyles.None, CultureInfo.InvariantCulture);

        private static int Tighter(int? current, int value, Func<int, int, int> pick) => current is { } c ? pick(c, value) : value;

        public override string ToString() =>
            $"patterns [{string.Join(" & ", _patternSteps.Order(StringComparer.Ordinal))}], enumeration [{_enumeration}], " +
            $"length {_length?.ToString(CultureInfo.InvariantCulture) ?? "-"}, minLength {_minLength?.ToString(CultureInfo.InvariantCulture) ?? "-"}, " +
            $"maxLength {_maxLength?.ToString(CultureInfo.InvariantCulture) ?? "-"}, bounds [{string.Join(", ", _bounds)}], " +
            $"totalDigits {_totalDigits?.ToString(CultureInfo.InvariantCulture) ?? "-"}, fractionDigits {_fractionDigits?.ToString(CultureInfo.InvariantCulture) ?? "-"}, " +
            $"whiteSpace {_whiteSpace ?? "-"}";
    }

    // ---------------------------------------------------------- content models

    private abstract record Node(decimal Min, decimal Max)
    {
        public string Occurs => $"{Min.ToString(CultureInfo.InvariantCulture)}..{(Max == decimal.MaxValue ? "unbounded" : Max.ToString(CultureInfo.InvariantCulture))}";
    }

    private sealed record ElementNode(XmlSchemaElement Element, decimal Min, decimal Max) : Node(Min, Max);

    private sealed record AnyNode(string Namespace, XmlSchemaContentProcessing Processing, decimal Min, decimal Max) : Node(Min, Max);

    private sealed record GroupNode(string Compositor, IReadOnlyList<Node> Children, decimal Min, decimal Max) : Node(Min, Max);

    private static readonly GroupNode EmptySequence = new("sequence", [], 1, 1);

    private static Node Normalize(XmlSchemaParticle? particle)
    {
        if (particle is null || particle.MaxOccurs == 0)
        {
            return EmptySequence;
        }
        var (min, max) = (particle.MinOccurs, particle.MaxOccurs);
        switch (particle)
        {
            case XmlSchemaElement element:
                return new ElementNode(element, min, max);
            case XmlSchemaAny any:
                return new AnyNode(any.Namespace ?? "##any", any.ProcessContents, min, max);
            case XmlSchemaGroupRef groupRef:
                return Normalize(groupRef.Particle) with { Min = min, Max = max };
            case XmlSchemaGroupBase group:
                var compositor = group switch
                {
                    XmlSchemaSequence => "sequence",
                    XmlSchemaChoice => "choice",
                    XmlSchemaAll => "all",
                    _ => throw new NotSupportedException(group.GetType().Name),
                };
                var children = new List<Node>();
                foreach (var child in group.Items.Cast<XmlSchemaParticle>().Select(Normalize))
                {
                    if (child is GroupNode { Compositor: "sequence", Children.Count: 0 })
                    {
                        continue; // an empty sequence adds nothing
                    }
                    if (child is GroupNode nested && nested.Compositor == compositor && compositor != "all" && nested is { Min: 1, Max: 1 })
                    {
                        children.AddRange(nested.Children); // (a, (b, c)) = (a, b, c); (a | (b | c)) = (a | b | c)
                        continue;
                    }
                    children.Add(child);
                }
                if (children.Count == 0 && compositor == "sequence")
                {
                    return EmptySequence;
                }
                if (children.Count == 1 && compositor != "all")
                {
                    var only = children[0];
                    if (min == 1 && max == 1)
                    {
                        return only;
                    }
                    if (only is { Min: 1, Max: 1 })
                    {
                        return only with { Min = min, Max = max };
                    }
                }
                return new GroupNode(compositor, children, min, max);
            default:
                // The compiler's empty particle (content of an empty or simple type).
                return EmptySequence;
        }
    }

    private void CompareNodes(Node expected, Node actual, string path)
    {
        Same(path, "particle", Describe(expected), Describe(actual));
        switch (expected, actual)
        {
            case (ElementNode e, ElementNode a):
                CompareElements(e.Element, a.Element, $"{path}/{Name(e.Element.QualifiedName)}");
                break;
            case (GroupNode e, GroupNode a):
                for (var i = 0; i < e.Children.Count; i++)
                {
                    CompareNodes(e.Children[i], a.Children[i], $"{path}/{e.Compositor}[{i + 1}]");
                }
                break;
        }
    }

    private static string Describe(Node node) => node switch
    {
        ElementNode e => $"element {Name(e.Element.QualifiedName)} {e.Occurs}",
        AnyNode a => $"any {a.Namespace} {ProcessContents(a.Processing)} {a.Occurs}",
        GroupNode g => $"{g.Compositor} of {g.Children.Count} {g.Occurs}: {string.Join(", ", g.Children.Select(Short))}",
        _ => node.ToString(),
    };

    private static string Short(Node node) => node switch
    {
        ElementNode e => Name(e.Element.QualifiedName),
        AnyNode => "any",
        GroupNode g => g.Compositor,
        _ => "?",
    };

    private static XmlSchemaContentProcessing ProcessContents(XmlSchemaContentProcessing processing) =>
        processing == XmlSchemaContentProcessing.None ? XmlSchemaContentProcessing.Strict : processing;

    // ------------------------------------------------------------------ helpers

    private static IEnumerable<string> Names(XmlSchemaObjectTable table) =>
        table.Names.Cast<XmlQualifiedName>().Where(n => n.Namespace != XmlSchema.Namespace).Select(Name);

    private static string Sorted(IEnumerable<string> values) => string.Join(", ", values.Order(StringComparer.Ordinal));

    private static string Name(XmlQualifiedName? name) =>
        name is null || name.IsEmpty ? "" :
        Prefixes.TryGetValue(name.Namespace, out var prefix) ? $"{prefix}:{name.Name}" :
        name.Namespace.Length == 0 ? name.Name : $"{{{name.Namespace}}}{name.Name}";

    private static void Same<T>(string path, string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new SchemaDifferenceException($"{path}: {what} differs: official [{expected}], ours [{actual}]");
        }
    }

    private sealed class SchemaDifferenceException(string message) : Exception(message);
}
