namespace Exchange.Domain.Directory;

/// <summary>The directory entry a change needs is there but retired; nothing was changed.</summary>
public sealed class RetiredEntryException(string message) : Exception(message);
