using Npgsql;
using WixUcp.Postgres.Connection;
using WixUcp.Webhooks;

namespace WixUcp.Postgres.Stores;

/// <summary>
/// The outbox in the <c>webhook_deliveries</c> table, shared by every replica: a claim takes due rows with
/// <c>FOR UPDATE SKIP LOCKED</c> and leases them, so two dispatchers never send one delivery at once and a crashed
/// replica's claims come back when their lease ends. Delivered rows are deleted.
/// </summary>
internal sealed class PostgresWebhookOutbox(PostgresDatabase database) : IWebhookOutbox
{
    private const string Columns =
        "id, tenant_id, order_id, order_version, target, registration_id, ucp_agent, body, created_at, attempts, next_attempt_at, status, last_error";

    private const string Returned = Columns + ", leased_until";

    public ValueTask EnqueueAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        return deliveries.Count == 0
            ? ValueTask.CompletedTask
            : new(database.RunAsync(async connection => await InsertAsync(connection, null, deliveries, cancellationToken).ConfigureAwait(false), cancellationToken));
    }

    /// <summary>Inserts deliveries on a connection (inside the caller's transaction when one is given); existing ids are kept.</summary>
    internal static async Task<int> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken)
    {
        var inserted = 0;
        foreach (var delivery in deliveries)
        {
            await using var command = new NpgsqlCommand(
                $"""
                INSERT INTO webhook_deliveries ({Columns})
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'pending', NULL)
                ON CONFLICT (id) DO NOTHING
                """,
                connection,
                transaction)
            {
                Parameters =
                {
                    new() { Value = delivery.Id },
                    new() { Value = delivery.TenantId },
                    new() { Value = delivery.OrderId },
                    new() { Value = delivery.OrderVersion },
                    new() { Value = delivery.Target.AbsoluteUri },
                    new() { Value = (object?)delivery.RegistrationId ?? DBNull.Value },
                    new() { Value = delivery.UcpAgent },
                    new() { Value = delivery.Body.ToArray() },
                    new() { Value = delivery.CreatedAt.ToUniversalTime() },
                    new() { Value = delivery.Attempts },
                    new() { Value = delivery.NextAttemptAt.ToUniversalTime() },
                },
            };
            inserted += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return inserted;
    }

    public ValueTask<IReadOnlyList<WebhookDelivery>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken) =>
        new(database.RunAsync(async connection =>
        {
            await using var command = new NpgsqlCommand(
                $"""
                UPDATE webhook_deliveries SET leased_until = $2
                WHERE id IN (
                    SELECT id FROM webhook_deliveries
                    WHERE status = 'pending' AND next_attempt_at <= $1 AND (leased_until IS NULL OR leased_until <= $1)
                    ORDER BY next_attempt_at
                    LIMIT $3
                    FOR UPDATE SKIP LOCKED)
                RETURNING {Returned}
                """,
                connection)
            {
                Parameters = { new() { Value = now.ToUniversalTime() }, new() { Value = (now + lease).ToUniversalTime() }, new() { Value = max } },
            };
            return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken));

    public ValueTask UpdateAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        // A claim's outcome applies only while its lease is the row's: one that outlived its lease and was claimed again
        // elsewhere is ignored, so it cannot reset the new claim's attempts or free its lease for a third claimer.
        var lease = delivery.LeasedUntil is { } until ? (object)until.ToUniversalTime() : DBNull.Value;
        return new(database.RunAsync(async connection =>
        {
            await using var command = delivery.Status == WebhookDeliveryStatus.Delivered
                ? new NpgsqlCommand("DELETE FROM webhook_deliveries WHERE id = $1 AND ($2::timestamptz IS NULL OR leased_until = $2)", connection)
                {
                    Parameters = { new() { Value = delivery.Id }, new() { Value = lease, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz } },
                }
                : new NpgsqlCommand(
                    """
                    UPDATE webhook_deliveries SET attempts = $2, next_attempt_at = $3, status = $4, last_error = $5, leased_until = NULL
                    WHERE id = $1 AND ($6::timestamptz IS NULL OR leased_until = $6)
                    """,
                    connection)
                {
                    Parameters =
                    {
                        new() { Value = delivery.Id },
                        new() { Value = delivery.Attempts },
                        new() { Value = delivery.NextAttemptAt.ToUniversalTime() },
                        new() { Value = delivery.Status == WebhookDeliveryStatus.DeadLettered ? "dead_lettered" : "pending" },
                        new() { Value = (object?)delivery.LastError ?? DBNull.Value },
                        new() { Value = lease, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz },
                    },
                };
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken));
    }

    public ValueTask<IReadOnlyList<WebhookDelivery>> ListDeadLettersAsync(int max, CancellationToken cancellationToken) =>
        new(database.RunAsync(async connection =>
        {
            await using var command = new NpgsqlCommand(
                $"SELECT {Returned} FROM webhook_deliveries WHERE status = 'dead_lettered' ORDER BY next_attempt_at DESC LIMIT $1", connection)
            {
                Parameters = { new() { Value = max } },
            };
            return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken));

    public ValueTask<bool> ReplayAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        new(database.RunAsync(async connection =>
        {
            await using var command = new NpgsqlCommand(
                """
                UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $2, last_error = NULL, leased_until = NULL
                WHERE id = $1 AND status = 'dead_lettered'
                """,
                connection)
            {
                Parameters = { new() { Value = id }, new() { Value = now.ToUniversalTime() } },
            };
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken));

    private static async Task<IReadOnlyList<WebhookDelivery>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var deliveries = new List<WebhookDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            deliveries.Add(new WebhookDelivery
            {
                Id = reader.GetString(0),
                TenantId = reader.GetString(1),
                OrderId = reader.GetString(2),
                OrderVersion = reader.GetInt64(3),
                Target = new Uri(reader.GetString(4)),
                RegistrationId = reader.IsDBNull(5) ? null : reader.GetString(5),
                UcpAgent = reader.GetString(6),
                Body = (byte[])reader.GetValue(7),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(8),
                Attempts = reader.GetInt32(9),
                NextAttemptAt = reader.GetFieldValue<DateTimeOffset>(10),
                Status = reader.GetString(11) == "dead_lettered" ? WebhookDeliveryStatus.DeadLettered : WebhookDeliveryStatus.Pending,
                LastError = reader.IsDBNull(12) ? null : reader.GetString(12),
                LeasedUntil = reader.FieldCount > 13 && !reader.IsDBNull(13) ? reader.GetFieldValue<DateTimeOffset>(13) : null,
            });
        }

        return deliveries;
    }
}
