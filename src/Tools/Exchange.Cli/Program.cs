using Exchange.Cli;

// Only the command words ask for help: an option's value may well be "help" or "-h" (a name, a password).
if (args.Take(2).Any(word => word is "--help" or "-h" or "help"))
{
    Console.Out.WriteLine(args.FirstOrDefault() switch
    {
        "keys" => KeysCommand.Usage,
        "directory" => DirectoryCommand.Usage,
        "users" => UsersCommand.Usage,
        _ => string.Join(Environment.NewLine, KeysCommand.Usage, DirectoryCommand.Usage, UsersCommand.Usage),
    });
    return 0;
}

try
{
    var arguments = new Arguments(args);
    return arguments.Positional switch
    {
        ["keys", ..] => KeysCommand.Run(arguments, Console.Out),
        ["directory", ..] => await DirectoryCommand.RunAsync(arguments, Console.Out),
        ["users", ..] => await UsersCommand.RunAsync(arguments, Console.Out, Console.In),
        _ => throw new UsageException(string.Join(Environment.NewLine, KeysCommand.Usage, DirectoryCommand.Usage, UsersCommand.Usage)),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
catch (Exception e) when (e is CommandFailedException or HttpRequestException or IOException
                           or System.Security.Cryptography.CryptographicException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
