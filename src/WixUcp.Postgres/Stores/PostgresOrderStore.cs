using System.Text;
using Npgsql;
using NpgsqlTypes;
using WixUcp.Orders;
using WixUcp.Postgres.Connection;
using WixUcp.Storage;
using WixUcp.Webhooks;

namespace WixUcp.Postgres.Stores;

/// <summary>
/// Orders in the <c>orders</c> table: key columns for queries, and the stored record (the same bytes every store writes)
/// as JSON. An order is written once; a repeated write of the same order is reported as taken, never duplicated.
/// </summary>
internal sealed class PostgresOrderStore(PostgresDatabase database) : IOrderStore
{
    public ValueTask<Order?> GetAsync(string tenantId, string id, CancellationToken cancellationToken) => new(database.RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand("SELECT record::text FROM orders WHERE tenant_id = $1 AND id = $2", connection)
                {
                    Parameters = { new() { Value = tenantId }, new() { Value = id } },
                };
                var record = (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return record is null ? null : UcpRecordSerializer.DeserializeOrder(Encoding.UTF8.GetBytes(record));
            },
            cancellationToken));

    public ValueTask<bool> TryCreateAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(database.RunAsync(connection => InsertAsync(connection, null, order, cancellationToken), cancellationToken));
    }

    // With the PostgreSQL outbox, the order and its webhooks are one transaction: neither exists without the other.
    public ValueTask<bool> TryCreateAsync(Order order, IReadOnlyList<WebhookDelivery> deliveries, IWebhookOutbox outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(deliveries);
        if (outbox is not PostgresWebhookOutbox)
        {
            return CreateThenEnqueueAsync(order, deliveries, outbox, cancellationToken);
        }

        return new(database.RunAsync(
            async connection =>
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var created = await InsertAsync(connection, transaction, order, cancellationToken).ConfigureAwait(false);
                await PostgresWebhookOutbox.InsertAsync(connection, transaction, deliveries, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return created;
            },
            cancellationToken));
    }

    public ValueTask<bool> TryUpdateAsync(Order order, long expectedVersion, IReadOnlyList<WebhookDelivery> deliveries, IWebhookOutbox outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(outbox);
        var shared = outbox is PostgresWebhookOutbox;
        return new(database.RunAsync(
            async connection =>
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using var command = new NpgsqlCommand(
                    "UPDATE orders SET version = $3, record = $4 WHERE tenant_id = $1 AND id = $2 AND version = $5", connection, transaction)
                {
                    Parameters =
                    {
                        new() { Value = order.TenantId },
                        new() { Value = order.Id },
                        new() { Value = order.Version },
                        new() { Value = Encoding.UTF8.GetString(UcpRecordSerializer.Serialize(order)), NpgsqlDbType = NpgsqlDbType.Json },
                        new() { Value = expectedVersion },
                    },
                };
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                {
                    return false;
                }

                if (shared)
                {
                    await PostgresWebhookOutbox.InsertAsync(connection, transaction, deliveries, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                if (!shared)
                {
                    await outbox.EnqueueAsync(deliveries, cancellationToken).ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken));
    }

    private async ValueTask<bool> CreateThenEnqueueAsync(Order order, IReadOnlyList<WebhookDelivery> deliveries, IWebhookOutbox outbox, CancellationToken cancellationToken)
    {
        var created = await TryCreateAsync(order, cancellationToken).ConfigureAwait(false);
        await outbox.EnqueueAsync(deliveries, cancellationToken).ConfigureAwait(false);
        return created;
    }

    private static async Task<bool> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Order order, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO orders (tenant_id, id, checkout_id, platform_profile, created_at, version, record)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT DO NOTHING
            """,
            connection,
            transaction)
        {
            Parameters =
            {
                new() { Value = order.TenantId },
                new() { Value = order.Id },
                new() { Value = order.CheckoutId },
                new() { Value = (object?)order.PlatformProfile ?? DBNull.Value },
                new() { Value = order.CreatedAt.ToUniversalTime() },
                new() { Value = order.Version },
                new() { Value = Encoding.UTF8.GetString(UcpRecordSerializer.Serialize(order)), NpgsqlDbType = NpgsqlDbType.Json },
            },
        };
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }
}
