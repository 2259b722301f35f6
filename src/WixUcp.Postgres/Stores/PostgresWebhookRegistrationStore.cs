using System.Text;
using Npgsql;
using WixUcp.Encryption;
using WixUcp.Postgres.Connection;
using WixUcp.Webhooks;

namespace WixUcp.Postgres.Stores;

/// <summary>Webhook registrations in <c>webhook_registrations</c>; the signing secret is envelope-encrypted, bound to its row.</summary>
internal sealed class PostgresWebhookRegistrationStore(PostgresDatabase database, EnvelopeEncryptor encryptor) : IWebhookRegistrationStore
{
    private const string Columns = "id, instance_id, platform_id, webhook_url, events, secret, created_at";

    public static string SecretLocation(string id) => "webhook_registrations/secret/" + id;

    public async ValueTask<bool> TryAddAsync(WebhookRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var secret = await encryptor.EncryptAsync(Encoding.UTF8.GetBytes(registration.Secret), SecretLocation(registration.Id), cancellationToken).ConfigureAwait(false);
        return await database.RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand($"INSERT INTO webhook_registrations ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING", connection)
                {
                    Parameters =
                    {
                        new() { Value = registration.Id },
                        new() { Value = registration.InstanceId },
                        new() { Value = registration.PlatformId },
                        new() { Value = registration.WebhookUrl.AbsoluteUri },
                        new() { Value = registration.Events.ToArray() },
                        new() { Value = secret },
                        new() { Value = registration.CreatedAt.ToUniversalTime() },
                    },
                };
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<WebhookRegistration?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM webhook_registrations WHERE id = $1", id, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public async ValueTask<IReadOnlyList<WebhookRegistration>> ListAsync(string instanceId, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {Columns} FROM webhook_registrations WHERE instance_id = $1 ORDER BY created_at, id", instanceId, cancellationToken).ConfigureAwait(false);

    public ValueTask<bool> DeleteAsync(string id, CancellationToken cancellationToken) => new(database.RunAsync(
        async connection =>
        {
            await using var command = new NpgsqlCommand("DELETE FROM webhook_registrations WHERE id = $1", connection) { Parameters = { new() { Value = id } } };
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        },
        cancellationToken));

    private Task<List<WebhookRegistration>> QueryAsync(string sql, string parameter, CancellationToken cancellationToken) => database.RunAsync(
        async connection =>
        {
            await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = parameter } } };
            var rows = new List<(string Id, string Instance, string Platform, string Url, string[] Events, byte[] Secret, DateTimeOffset Created)>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                        reader.GetFieldValue<string[]>(4), reader.GetFieldValue<byte[]>(5), reader.GetFieldValue<DateTimeOffset>(6)));
                }
            }

            var registrations = new List<WebhookRegistration>(rows.Count);
            foreach (var row in rows)
            {
                var secret = await encryptor.DecryptAsync(row.Secret, SecretLocation(row.Id), cancellationToken).ConfigureAwait(false);
                registrations.Add(new WebhookRegistration
                {
                    Id = row.Id,
                    InstanceId = row.Instance,
                    PlatformId = row.Platform,
                    WebhookUrl = new Uri(row.Url),
                    Events = row.Events,
                    Secret = Encoding.UTF8.GetString(secret),
                    CreatedAt = row.Created,
                });
            }

            return registrations;
        },
        cancellationToken);
}
