namespace Exchange.Domain.Directory;

/// <summary>A token just issued, with the only copy of its secret there will ever be.</summary>
public sealed record IssuedApiToken(ApiToken Token, string Secret);
