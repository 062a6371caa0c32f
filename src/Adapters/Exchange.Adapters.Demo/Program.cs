using Exchange.Adapters.Demo;

// exchange-demo systems                                   the demo information systems, one key each
// exchange-demo directory <keys-folder>                    write the directory file for the demo participants; prints its path
// exchange-demo exchange <gateway-url> <keys-folder>       run the scripted exchange against a running gateway
// Key files are PKCS#12 protected by EXCHANGE_KEY_PASSWORD.
switch (args)
{
    case ["directory", var folder]:
        Console.WriteLine(DemoDirectory.Write(folder));
        return 0;
    case ["exchange", var gateway, var folder]:
        var password = Environment.GetEnvironmentVariable("EXCHANGE_KEY_PASSWORD") ?? "";
        var ids = await new DemoExchange(new Uri(gateway), folder, password, Console.Out).RunAsync(CancellationToken.None);
        Console.WriteLine();
        foreach (var id in ids)
        {
            Console.WriteLine($"   {new Uri(new Uri(gateway), $"/api/messages/{id}/status")}");
        }
        return 0;
    case ["systems"]:
        Console.WriteLine(string.Join(' ', DemoParticipants.All.Select(p => p.System)));
        return 0;
    default:
        Console.Error.WriteLine("usage: exchange-demo systems | directory <keys-folder> | exchange <gateway-url> <keys-folder>");
        return 2;
}
