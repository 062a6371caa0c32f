using Exchange.Adapters.Edms;
using Exchange.Adapters.Edms.Messaging;
using Exchange.Adapters.Sdk.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddEdms();
// The exchange side: the SDK's adapter host receiving into the EDMS, its outbox in the EDMS's own database.
builder.Services.AddExchangeAdapter(builder.Configuration.GetSection("Exchange")).AddMessageHandler<EdmsMessageHandler>();

var app = builder.Build();
app.MapEdms();
await app.MigrateEdmsAsync();
await app.RunAsync();
