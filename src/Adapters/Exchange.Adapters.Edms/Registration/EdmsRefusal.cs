namespace Exchange.Adapters.Edms.Registration;

/// <summary>A request the EDMS cannot carry out as asked; the API answers it as problem details with <see cref="Status"/>.</summary>
public sealed class EdmsRefusal(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;

    public static EdmsRefusal NotFound(string what) => new(StatusCodes.Status404NotFound, "Not found", $"There is no {what}.");

    public static EdmsRefusal Conflict(string detail) => new(StatusCodes.Status409Conflict, "Conflict", detail);
}
