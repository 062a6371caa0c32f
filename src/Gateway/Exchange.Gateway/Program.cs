using Exchange.Gateway;

var app = await GatewayApplication.CreateAsync(args);
await app.RunAsync();
