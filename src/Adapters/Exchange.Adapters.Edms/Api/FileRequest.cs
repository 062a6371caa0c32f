using System.Text.RegularExpressions;
using Exchange.Adapters.Edms.Domain;

namespace Exchange.Adapters.Edms.Api;

/// <summary>A file sent to the API: its name, MIME type and bytes in base64.</summary>
public sealed partial record FileRequest(string? Name, string? MimeType, string? Content)
{
    internal static IReadOnlyList<DocumentFile> ReadAll(IReadOnlyList<FileRequest>? files, FieldErrors errors) =>
        (files ?? []).Select((file, i) => file.Read($"files[{i}]", errors)).ToList();

    private DocumentFile Read(string field, FieldErrors errors)
    {
        var name = errors.Text($"{field}.name", Name, 255);
        var mimeType = errors.Text($"{field}.mimeType", MimeType, 255);
        if (mimeType.Length > 0 && !MimeTypePattern().IsMatch(mimeType))
        {
            errors.Add($"{field}.mimeType", "A MIME type of text, image, audio, video or application, e.g. application/pdf.");
        }
        if (string.IsNullOrEmpty(Content))
        {
            errors.Add($"{field}.content", "Required: the file's bytes in base64.");
            return new DocumentFile(name, mimeType, []);
        }
        var content = new byte[Content.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(Content, content, out var length))
        {
            errors.Add($"{field}.content", "Not valid base64.");
            return new DocumentFile(name, mimeType, []);
        }
        return new DocumentFile(name, mimeType, content[..length]);
    }

    [GeneratedRegex(@"^(text|image|audio|video|application)/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$")]
    private static partial Regex MimeTypePattern();
}
