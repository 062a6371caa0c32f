using System.Security.Cryptography;

namespace Exchange.Signing.Keys.Internal;

/// <summary>
/// Runs a BouncyCastle parse of outside input. BouncyCastle reports malformed or unsupported input with a spread of
/// exception types (IOException, ArgumentException, InvalidCastException, its own Asn1 and security exceptions);
/// our callers get one type, CryptographicException, with the original kept as the inner exception.
/// </summary>
internal static class Parsing
{
    public static T Guard<T>(Func<T> parse, string failure)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is not CryptographicException)
        {
            throw new CryptographicException(failure, e);
        }
    }

    public static void Guard(Action parse, string failure) => Guard(() => { parse(); return true; }, failure);
}
