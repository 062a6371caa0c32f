using System.Reflection;

namespace Exchange.Gateway.Storage.Migrations;

/// <summary>
/// An assembly besides Storage whose embedded <c>Migrations/NNNN_name.sql</c> scripts create tables it owns in the
/// gateway's database (the scheduler's, for one). <see cref="MigrationRunner"/> applies them in one version sequence
/// with Storage's own; register it with <see cref="StorageServiceCollectionExtensions.AddGatewayMigrations"/>.
/// </summary>
public sealed record MigrationAssembly(Assembly Assembly);
