using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Exchange.Protocol.Messages;
using Exchange.Signing.Keys;

namespace Exchange.Gateway.Tests.Directory;

/// <summary>Drives the admin API as an administrator would, failing the test on any refusal.</summary>
public sealed class DirectoryAdmin(GatewayFixture gateway, HttpClient http)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A participant with one information system (<c>{mnemonic}_SYSTEM</c>) holding a fresh key of the regional CA.</summary>
    public async Task AddParticipantAsync(string mnemonic, string level, string? parent = null)
    {
        await SendAsync(HttpMethod.Put, $"/api/admin/participants/{mnemonic}", new { name = $"{mnemonic} body", level, parent });
        await SendAsync(HttpMethod.Put, $"/api/admin/systems/{GatewayFixture.SystemOf(mnemonic)}", new { participant = mnemonic, name = "EDMS" });
        await AddCertificateAsync(GatewayFixture.SystemOf(mnemonic), GatewayFixture.SystemOf(mnemonic));
    }

    /// <summary>Issues a key named <paramref name="keyName"/> and registers its certificate for the system; returns the thumbprint.</summary>
    public Task<string> AddCertificateAsync(string system, string keyName) => AddCertificateAsync(system, gateway.Pki.Issue(keyName));

    /// <summary>Registers the certificate of <paramref name="key"/> for the system; returns the thumbprint.</summary>
    public async Task<string> AddCertificateAsync(string system, SigningKey key)
    {
        await SendAsync(HttpMethod.Post, $"/api/admin/systems/{system}/certificates", new { pem = PemEncoding.WriteString("CERTIFICATE", key.CertificateDer) });
        return Convert.ToHexString(SHA256.HashData(key.CertificateDer));
    }

    public Task AddTypeAsync(MessageType type, string kind = "request", string? broadcastLevel = null) =>
        SendAsync(HttpMethod.Put, "/api/admin/types",
            new { namespaceUri = type.NamespaceUri, rootElement = type.RootElement, name = type.RootElement, kind, broadcastLevel });

    public Task AddProviderAsync(MessageType type, string provider, string? territory = null) =>
        SendAsync(HttpMethod.Post, "/api/admin/providers", new { namespaceUri = type.NamespaceUri, rootElement = type.RootElement, provider, territory });

    public Task AddPermissionAsync(MessageType type, string? sender, string recipients, string? recipient = null) =>
        SendAsync(HttpMethod.Post, "/api/admin/permissions",
            new { sender, namespaceUri = type.NamespaceUri, rootElement = type.RootElement, recipients, recipient });

    public Task RetireCertificateAsync(string thumbprint) => SendAsync(HttpMethod.Delete, $"/api/admin/certificates/{thumbprint}", null);

    /// <summary>Issues an API token to the system; returns the answer, the token's only copy among it.</summary>
    public Task<JsonElement> IssueApiTokenAsync(string system, string? label = null) =>
        SendAsync(HttpMethod.Post, $"/api/admin/systems/{system}/api-tokens", new { label });

    public Task<JsonElement> RetireApiTokenAsync(long id) => SendAsync(HttpMethod.Delete, $"/api/admin/api-tokens/{id}", null);

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
