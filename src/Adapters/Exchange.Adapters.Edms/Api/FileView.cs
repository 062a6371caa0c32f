using Exchange.Adapters.Edms.Domain;

namespace Exchange.Adapters.Edms.Api;

/// <param name="Sha256">The SHA-256 of the bytes, lowercase hex.</param>
/// <param name="Href">Where to download it.</param>
public sealed record FileView(long Id, string Name, string MimeType, long Size, string Sha256, string Href)
{
    public static FileView Of(RegistrationNumber number, StoredFile file) =>
        new(file.Id, file.Name, file.MimeType, file.Size, file.Sha256, $"{EdmsApi.DocumentPath(number)}/files/{file.Id}");
}
