using System.Text;

namespace Exchange.Signing.Certificates;

/// <summary>Reads a file that is either DER or PEM (possibly with several blocks) into DER blobs.</summary>
internal static class Pem
{
    public static IEnumerable<byte[]> ReadAll(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var text = Encoding.ASCII.GetString(bytes);
        if (!text.Contains("-----BEGIN ", StringComparison.Ordinal))
        {
            return [bytes];
        }
        var blocks = new List<byte[]>();
        var index = 0;
        while ((index = text.IndexOf("-----BEGIN ", index, StringComparison.Ordinal)) >= 0)
        {
            var bodyStart = text.IndexOf('\n', index) + 1;
            var end = text.IndexOf("-----END ", bodyStart, StringComparison.Ordinal);
            blocks.Add(Convert.FromBase64String(text[bodyStart..end]));
            index = end + 1;
        }
        return blocks;
    }
}
