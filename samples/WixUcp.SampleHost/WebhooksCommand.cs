using System.Globalization;
using WixUcp.Postgres.Migrations;
using WixUcp.Webhooks;

namespace WixUcp.SampleHost;

/// <summary>
/// <c>webhooks dead-letters|replay</c>: lists the order webhooks that exhausted their attempts, and puts one back in
/// the queue (same id, timestamp and body) once the receiver is fixed. Works on the shared outbox (<c>DATABASE_URL</c>).
/// </summary>
internal static class WebhooksCommand
{
    private const string Usage = """
        usage: webhooks dead-letters
               webhooks replay WEBHOOK_ID
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (services.GetService<PostgresMigrator>() is not { } migrator)
        {
            await error.WriteLineAsync("webhooks needs the shared outbox: set DATABASE_URL (an in-memory outbox belongs to the server process).").ConfigureAwait(false);
            return 2;
        }

        await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var outbox = services.GetRequiredService<IWebhookOutbox>();
        switch (args)
        {
            case ["dead-letters"]:
                foreach (var delivery in await outbox.ListDeadLettersAsync(1000, cancellationToken).ConfigureAwait(false))
                {
                    await output.WriteLineAsync(string.Join(
                        '\t',
                        delivery.Id,
                        delivery.OrderId,
                        delivery.Target.AbsoluteUri,
                        delivery.Attempts.ToString(CultureInfo.InvariantCulture),
                        delivery.LastError ?? "",
                        delivery.CreatedAt.ToString("u", CultureInfo.InvariantCulture))).ConfigureAwait(false);
                }

                return 0;
            case ["replay", var id]:
                if (await outbox.ReplayAsync(id, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false))
                {
                    await output.WriteLineAsync($"{id} queued again").ConfigureAwait(false);
                    return 0;
                }

                await error.WriteLineAsync($"No dead-lettered webhook has the id {id}.").ConfigureAwait(false);
                return 1;
            default:
                await error.WriteLineAsync(Usage).ConfigureAwait(false);
                return 2;
        }
    }
}
