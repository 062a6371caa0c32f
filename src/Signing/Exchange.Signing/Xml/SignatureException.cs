namespace Exchange.Signing.Xml;

/// <summary>A signature or its certificate was refused, for the <see cref="Error"/> given.</summary>
public sealed class SignatureException(SignatureError error, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public SignatureError Error { get; } = error;
}
