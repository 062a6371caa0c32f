using System.Text;

namespace Exchange.Signing.Tests.Transforms;

internal static class Octets
{
    /// <summary>Byte for byte, but compared as text first so a failure shows where the two differ.</summary>
    public static void Equal(byte[] expected, byte[] actual)
    {
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
        Assert.Equal(expected, actual);
    }

    public static void Equal(string expected, byte[] actual) => Equal(Encoding.UTF8.GetBytes(expected), actual);

    public static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
