using Exchange.Adapters.Edms;

var builder = WebApplication.CreateBuilder(args);
builder.AddEdms();
// The exchange side goes here, one line: the SDK's adapter host receiving into EdmsMessageHandler, with its outbox.

var app = builder.Build();
app.MapEdms();
await app.MigrateEdmsAsync();
await app.RunAsync();
