using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WixUcp.Orders;
using WixUcp.Postgres.Migrations;
using WixUcp.Postgres.Stores;
using WixUcp.Storage.Tests.Contracts;

namespace WixUcp.Storage.Tests.Postgres;

public sealed class InMemoryOrderStoreContract : OrderStoreContract
{
    private readonly InMemoryOrderStore _store = new();

    protected override ValueTask<IOrderStore> StoreAsync() => ValueTask.FromResult<IOrderStore>(_store);
}

public sealed class PostgresOrderStoreContract : OrderStoreContract, IAsyncDisposable
{
    private TestDatabase? _database;
    private WixUcp.Postgres.Connection.PostgresDatabase? _connection;

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override async ValueTask<IOrderStore> StoreAsync()
    {
        _database ??= await TestDatabase.CreateAsync();
        _connection ??= await _database.OpenMigratedAsync();
        return new PostgresOrderStore(_connection);
    }
}

public sealed class PostgresMigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Replicas_migrating_together_apply_each_migration_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var first = database.Open();
        await using var second = database.Open();

        var applied = await Task.WhenAll(
            new PostgresMigrator(first, NullLogger<PostgresMigrator>.Instance).MigrateAsync(Ct),
            new PostgresMigrator(second, NullLogger<PostgresMigrator>.Instance).MigrateAsync(Ct));
        var again = await new PostgresMigrator(first, NullLogger<PostgresMigrator>.Instance).MigrateAsync(Ct);

        // One replica applied everything, the other found nothing left; a later start applies nothing.
        Assert.Equal(PostgresMigrator.All.Select(m => m.Version), applied.SelectMany(a => a).Order(StringComparer.Ordinal));
        Assert.Empty(again);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", connection);
        Assert.Equal((long)PostgresMigrator.All.Count, (long)(await count.ExecuteScalarAsync(Ct))!);
        await using var tables = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('orders','app_instances','webhook_registrations','api_keys','webhook_deliveries')", connection);
        Assert.Equal(5L, (long)(await tables.ExecuteScalarAsync(Ct))!);
    }
}

/// <summary>PostgreSQL down: reads and writes of orders surface as the store being unavailable (503), not as 500.</summary>
public sealed class PostgresUnavailableTests
{
    [Fact]
    public async Task A_closed_port_is_store_unavailable()
    {
        var port = ClosedPort();
        await using var database = new WixUcp.Postgres.Connection.PostgresDatabase(Microsoft.Extensions.Options.Options.Create(
            new WixUcp.Postgres.WixUcpPostgresOptions { ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Timeout=2" }));
        var store = new PostgresOrderStore(database);

        await Assert.ThrowsAsync<StoreUnavailableException>(async () => await store.GetAsync("t1", "ord_1", TestContext.Current.CancellationToken));
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class InMemoryWebhookOutboxContract : WebhookOutboxContract
{
    private readonly WixUcp.Webhooks.InMemoryWebhookOutbox _outbox = new(Microsoft.Extensions.Options.Options.Create(new WixUcpOptions()));

    protected override ValueTask<WixUcp.Webhooks.IWebhookOutbox> OutboxAsync() => ValueTask.FromResult<WixUcp.Webhooks.IWebhookOutbox>(_outbox);
}

public sealed class PostgresWebhookOutboxContract : WebhookOutboxContract, IAsyncDisposable
{
    private TestDatabase? _database;
    private WixUcp.Postgres.Connection.PostgresDatabase? _connection;

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_order_and_its_webhooks_are_written_in_one_transaction()
    {
        var outbox = (PostgresWebhookOutbox)await OutboxAsync();
        var orders = new PostgresOrderStore(_connection!);
        var order = OrderStoreContract.Order("ord_" + Guid.NewGuid().ToString("N"));
        var delivery = Delivery(due: Now) with { OrderId = order.Id };

        Assert.True(await ((IOrderStore)orders).TryCreateAsync(order, [delivery], outbox, Ct));
        Assert.False(await ((IOrderStore)orders).TryCreateAsync(order, [delivery], outbox, Ct));   // a retried completion: nothing twice

        Assert.NotNull(await orders.GetAsync(order.TenantId, order.Id, Ct));
        Assert.Single(await outbox.ClaimDueAsync(Now, 100, TimeSpan.FromMinutes(1), Ct), d => d.OrderId == order.Id);
    }

    protected override async ValueTask<WixUcp.Webhooks.IWebhookOutbox> OutboxAsync()
    {
        _database ??= await TestDatabase.CreateAsync();
        _connection ??= await _database.OpenMigratedAsync();
        return new PostgresWebhookOutbox(_connection);
    }
}
