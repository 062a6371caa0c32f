using System.Text.RegularExpressions;
using Exchange.Protocol.Schemas;

namespace Exchange.Gateway.Soap;

/// <summary>
/// Serves our WSDL at <c>{endpoint}?wsdl</c> and its XSDs at <c>{endpoint}?xsd=NAME</c> and beside the endpoint
/// (where the WSDL's relative schemaLocations lead), so clients can be generated from the running gateway. The status
/// lookup, our extension, has a WSDL of its own at <c>{endpoint}?wsdl=message-status</c>. Public, like the endpoint.
/// </summary>
public static partial class ServiceDescription
{
    /// <summary>The value of <c>?wsdl=</c> that asks for the status lookup's description.</summary>
    public const string MessageStatusWsdl = "message-status";

    public static IEndpointRouteBuilder MapServiceDescription(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SoapEndpoint.Path, (HttpRequest request) =>
        {
            if (request.Query.TryGetValue("wsdl", out var which))
            {
                var file = which.ToString() switch
                {
                    "" => SchemaFiles.MessageExchange13Wsdl,
                    MessageStatusWsdl => SchemaFiles.MessageStatusWsdl,
                    _ => null,
                };
                if (file is null)
                {
                    return NotFound();
                }
                var address = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
                var wsdl = SoapAddress().Replace(SchemaFiles.ReadText(file), $"$1{address}$2");
                return Results.Text(wsdl, "text/xml; charset=utf-8");
            }
            return request.Query["xsd"].ToString() is { Length: > 0 } name ? Schema(name) : NotFound();
        }).AllowAnonymous();
        var folder = SoapEndpoint.Path[..(SoapEndpoint.Path.LastIndexOf('/') + 1)];
        endpoints.MapGet(folder + "{name}.xsd", (string name) => Schema(name + ".xsd")).AllowAnonymous();
        return endpoints;
    }

    private static IResult Schema(string name) =>
        XsdName().IsMatch(name) && SchemaFiles.Exists(SchemaFiles.MessageExchange13 + name)
            ? Results.Text(SchemaFiles.ReadText(SchemaFiles.MessageExchange13 + name), "text/xml; charset=utf-8")
            : NotFound();

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
        detail: $"Ask for {SoapEndpoint.Path}?wsdl or ?wsdl={MessageStatusWsdl}, or an XSD they import.");

    [GeneratedRegex("""(<soap:address\s+location=")[^"]*(")""")]
    private static partial Regex SoapAddress();

    [GeneratedRegex(@"^[a-z0-9.\-]+\.xsd$")]
    private static partial Regex XsdName();
}
