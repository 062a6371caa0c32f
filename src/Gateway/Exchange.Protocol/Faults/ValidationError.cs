namespace Exchange.Protocol.Faults;

/// <summary>One finding of <c>InvalidContent</c>: what is wrong, and on which line (0 when unknown).</summary>
public sealed record ValidationError(string Message, int Position);
