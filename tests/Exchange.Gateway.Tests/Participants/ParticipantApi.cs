using System.Net;
using System.Text.Json;

namespace Exchange.Gateway.Tests.Participants;

/// <summary>Calls the participant API as an information system's EDMS or web front end would.</summary>
public static class ParticipantApi
{
    public static string StatusPath(Guid messageId) => $"/api/participant/messages/{messageId}/status";

    /// <summary>Asks for a message's status with an API token (null: no Authorization header at all).</summary>
    public static Task<(HttpStatusCode Status, JsonElement Body)> StatusAsync(GatewayFixture gateway, Guid messageId, string? token) =>
        GetAsync(gateway, StatusPath(messageId), token is null ? null : $"Bearer {token}");

    /// <summary>A GET on the first node with the given Authorization header; the body parsed when there is one.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(GatewayFixture gateway, string path, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway.BaseAddress, path));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        using var response = await gateway.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
