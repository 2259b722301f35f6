using System.Globalization;
using WixUcp.Authentication;
using WixUcp.Postgres.Migrations;

namespace WixUcp.SampleHost;

/// <summary>
/// <c>keys create|list|revoke</c>: manages API keys in the configured durable store. <c>create</c> prints the new key
/// alone on the last line of standard output, once; it is never shown again.
/// </summary>
internal static class KeysCommand
{
    private const string Usage = """
        usage: keys create --platform ID --profile URL[,URL...] --permissions p1,p2 [--expires-in 90d] [--instance ID]
               keys list
               keys revoke KEY_ID
        permissions: checkout:read checkout:write products:read orders:read orders:webhooks
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (services.GetService<PostgresMigrator>() is not { } migrator)
        {
            await error.WriteLineAsync("keys needs a durable key store: set DATABASE_URL (keys issued in memory would vanish with this command).").ConfigureAwait(false);
            return 2;
        }

        if (string.IsNullOrWhiteSpace(services.GetRequiredService<IConfiguration>()["WixUcp:Auth:ApiKeyPepper"]))
        {
            await error.WriteLineAsync("keys needs WixUcp:Auth:ApiKeyPepper (env WixUcp__Auth__ApiKeyPepper), the same secret the server uses: keys are stored as HMACs under it.").ConfigureAwait(false);
            return 2;
        }

        await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var issuer = services.GetRequiredService<ApiKeyIssuer>();
        try
        {
            switch (args)
            {
                case ["create", .. var options]:
                    var named = Options(options);
                    var (key, record) = await issuer.IssueAsync(
                        Required(named, "platform"),
                        List(Required(named, "profile")),
                        List(Required(named, "permissions")),
                        named.TryGetValue("expires-in", out var expiresIn) ? Duration(expiresIn) : null,
                        cancellationToken,
                        named.GetValueOrDefault("instance")).ConfigureAwait(false);
                    await output.WriteLineAsync(Describe(record)).ConfigureAwait(false);
                    await output.WriteLineAsync(key).ConfigureAwait(false);
                    return 0;
                case ["list"]:
                    foreach (var listed in await issuer.ListAsync(1000, cancellationToken).ConfigureAwait(false))
                    {
                        await output.WriteLineAsync(Describe(listed)).ConfigureAwait(false);
                    }

                    return 0;
                case ["revoke", var keyId]:
                    if (await issuer.RevokeAsync(keyId, cancellationToken).ConfigureAwait(false))
                    {
                        await output.WriteLineAsync($"revoked {keyId}").ConfigureAwait(false);
                        return 0;
                    }

                    await error.WriteLineAsync($"no active key {keyId}").ConfigureAwait(false);
                    return 1;
                default:
                    await error.WriteLineAsync(Usage).ConfigureAwait(false);
                    return 2;
            }
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }
    }

    private static string Describe(WixUcp.ApiKeys.ApiKeyRecord record) => string.Join('\t',
        record.KeyId,
        "platform=" + record.PlatformId,
        "instance=" + record.InstanceId,
        "permissions=" + string.Join(',', record.Permissions),
        "profiles=" + string.Join(',', record.ProfileUrls),
        "created=" + record.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        "expires=" + (record.ExpiresAt?.ToString("O", CultureInfo.InvariantCulture) ?? "never"),
        "last_used=" + (record.LastUsedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "never"),
        record.RevokedAt is null ? "active" : "revoked");

    private static Dictionary<string, string> Options(string[] args)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected --name value pairs, got '{args[i]}'.");
            }

            named[args[i][2..]] = named.TryGetValue(args[i][2..], out var earlier) ? earlier + "," + args[i + 1] : args[i + 1];
        }

        return named;
    }

    private static string Required(Dictionary<string, string> named, string name) =>
        named.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new ArgumentException($"--{name} is required.");

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // 90d, 12h or 30m.
    private static TimeSpan Duration(string value)
    {
        if (value.Length >= 2 && int.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            switch (value[^1])
            {
                case 'd': return TimeSpan.FromDays(amount);
                case 'h': return TimeSpan.FromHours(amount);
                case 'm': return TimeSpan.FromMinutes(amount);
            }
        }

        throw new ArgumentException($"--expires-in takes a number of days, hours or minutes such as 90d, 12h or 30m, not '{value}'.");
    }
}
