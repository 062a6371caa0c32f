namespace Exchange.Domain.Users;

/// <summary>A console user of that name exists already; nothing was changed.</summary>
public sealed class DuplicateUserException(string name) : Exception($"There is a user {name} already.");
