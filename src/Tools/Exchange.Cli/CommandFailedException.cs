namespace Exchange.Cli;

/// <summary>The command was understood but could not be done; the message says why.</summary>
internal sealed class CommandFailedException(string message) : Exception(message);
