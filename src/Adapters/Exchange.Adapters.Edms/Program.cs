using Exchange.Adapters.Edms;

var builder = WebApplication.CreateBuilder(args);
builder.AddEdms();
builder.AddEdmsExchange();

var app = builder.Build();
app.MapEdms();
await app.MigrateEdmsAsync();
await app.RunAsync();
