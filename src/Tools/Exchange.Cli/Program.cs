using Exchange.Cli;

try
{
    var arguments = new Arguments(args);
    return arguments.Positional switch
    {
        ["keys", ..] => KeysCommand.Run(arguments, Console.Out),
        _ => throw new UsageException(KeysCommand.Usage),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
