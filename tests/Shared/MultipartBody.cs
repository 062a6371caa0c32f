using System.Text;

namespace Exchange.Tests.Shared;

/// <summary>Hand-written MTOM bodies (multipart/related, XOP), so tests control every byte a client might send.</summary>
public static class MultipartBody
{
    public const string Boundary = "MIMEBoundary_test";

    /// <summary>A preamble, the root part (Content-ID root@test), each binary part with its Content-ID, and the closing delimiter.</summary>
    public static byte[] Of(string root, params (string Id, byte[] Bytes)[] parts)
    {
        using var body = new MemoryStream();
        void Text(string text) => body.Write(Encoding.ASCII.GetBytes(text));
        Text($"preamble to ignore\r\n--{Boundary}\r\nContent-ID: <root@test>\r\nContent-Type: application/xop+xml; charset=utf-8; type=\"text/xml\"\r\n\r\n");
        body.Write(Encoding.UTF8.GetBytes(root));
        foreach (var (id, bytes) in parts)
        {
            Text($"\r\n--{Boundary}\r\nContent-ID: <{id}>\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            body.Write(bytes);
        }
        Text($"\r\n--{Boundary}--\r\n");
        return body.ToArray();
    }

    public static string ContentType(string boundary = Boundary) =>
        $"multipart/related; type=\"application/xop+xml\"; boundary=\"{boundary}\"; start=\"<root@test>\"; start-info=\"text/xml\"";
}
