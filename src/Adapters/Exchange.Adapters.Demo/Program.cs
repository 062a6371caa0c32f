using Exchange.Adapters.Demo;

// exchange-demo keys <folder>                  create demo keys and the directory file; prints its path
// exchange-demo exchange <gateway-url> <folder> run the scripted exchange against a running gateway
switch (args)
{
    case ["keys", var folder]:
        Console.WriteLine(DemoKeys.Create(folder));
        return 0;
    case ["exchange", var gateway, var folder]:
        var ids = await new DemoExchange(new Uri(gateway), folder, Console.Out).RunAsync(CancellationToken.None);
        Console.WriteLine();
        foreach (var id in ids)
        {
            Console.WriteLine($"   {new Uri(new Uri(gateway), $"/api/messages/{id}/status")}");
        }
        return 0;
    default:
        Console.Error.WriteLine("usage: exchange-demo keys <folder> | exchange <gateway-url> <folder>");
        return 2;
}
