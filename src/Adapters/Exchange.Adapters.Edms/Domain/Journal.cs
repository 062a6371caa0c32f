namespace Exchange.Adapters.Edms.Domain;

/// <summary>A registration journal and the last number it gave out.</summary>
public sealed record Journal(string Code, string Title, int LastNumber);
