using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WixUcp.Webhooks;

namespace WixUcp.Core.Tests.Webhooks;

/// <summary>The embedded default's outbox at its cap: dead letters make room, and a full outbox never fails the committed change.</summary>
public sealed class InMemoryWebhookOutboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task At_the_cap_the_oldest_dead_letters_make_room_and_what_still_does_not_fit_is_dropped_with_an_error()
    {
        var logs = new List<(LogLevel Level, string Message)>();
        var outbox = new InMemoryWebhookOutbox(Options.Create(new WixUcpOptions { Webhooks = { MaxStoredDeliveries = 3 } }), new ListLogger(logs));
        var now = DateTimeOffset.UtcNow;
        await outbox.EnqueueAsync([Delivery("a", now), Delivery("b", now.AddSeconds(1))], Ct);
        await outbox.UpdateAsync(Delivery("a", now) with { Status = WebhookDeliveryStatus.DeadLettered }, Ct);
        await outbox.UpdateAsync(Delivery("b", now.AddSeconds(1)) with { Status = WebhookDeliveryStatus.DeadLettered }, Ct);

        // Two dead letters and two new deliveries: the older dead letter goes.
        await outbox.EnqueueAsync([Delivery("c", now), Delivery("d", now)], Ct);
        Assert.Equal(["b"], (await outbox.ListDeadLettersAsync(10, Ct)).Select(d => d.Id));

        // Full of pending work but one dead letter: it goes, then the last delivery that does not fit is dropped, not thrown.
        await outbox.EnqueueAsync([Delivery("e", now), Delivery("f", now)], Ct);
        Assert.Empty(await outbox.ListDeadLettersAsync(10, Ct));
        var due = await outbox.ClaimDueAsync(now.AddMinutes(1), 10, TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(["c", "d", "e"], due.Select(d => d.Id).Order());
        var error = Assert.Single(logs, l => l.Level == LogLevel.Error);
        Assert.Contains("Webhook f for order ord_f dropped", error.Message, StringComparison.Ordinal);
        Assert.Contains("WixUcp:Webhooks:MaxStoredDeliveries", error.Message, StringComparison.Ordinal);
    }

    private static WebhookDelivery Delivery(string id, DateTimeOffset created) => new()
    {
        Id = id,
        TenantId = "default",
        OrderId = "ord_" + id,
        OrderVersion = 1,
        Target = new Uri("https://platform.test/hooks"),
        UcpAgent = "profile=\"https://shop.test/.well-known/ucp\"",
        Body = """{"id":"ord_1"}"""u8.ToArray(),
        CreatedAt = created,
        NextAttemptAt = created,
    };

    private sealed class ListLogger(List<(LogLevel, string)> logs) : ILogger<InMemoryWebhookOutbox>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Add((logLevel, formatter(state, exception)));
    }
}
