namespace Exchange.Adapters.Edms.Domain;

public enum DocumentKind
{
    /// <summary>Official correspondence received, or anything received of a type the EDMS does not know.</summary>
    Incoming,

    /// <summary>Written here and sent through the exchange: letters and answers.</summary>
    Outgoing,

    /// <summary>A citizen's appeal under 59-FZ.</summary>
    Appeal,

    /// <summary>A citizen's application for a public service (land plot, housing subsidy, doctor's appointment).</summary>
    Application,
}
