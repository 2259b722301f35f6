using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WixUcp.Diagnostics;
using WixUcp.Signatures;
using WixUcp.Storage;

namespace WixUcp.Webhooks;

/// <summary>
/// Delivers the outbox: claims due deliveries, POSTs each signed (RFC 9421 with the business key, over the webhook id
/// and timestamp too) through the SSRF guard, at most <see cref="WebhookOptions.MaxConcurrencyPerTarget"/> at once per
/// receiver, within <see cref="WebhookOptions.RequestTimeout"/>. A 2xx answer delivers; anything else is retried with
/// exponential backoff and ±20% jitter, the same id, timestamp and body, until <see cref="WebhookOptions.MaxAttempts"/>,
/// then dead-lettered; a delivery that cannot succeed (its target not allowed, its registration deleted) is dead-lettered
/// at once. On shutdown it stops claiming and hands unfinished attempts back unchanged.
/// </summary>
internal sealed partial class WebhookDispatcher(
    IWebhookOutbox outbox,
    IWebhookSigner signer,
    IHttpClientFactory httpClientFactory,
    TimeProvider time,
    IOptions<WixUcpOptions> options,
    ILogger<WebhookDispatcher> logger,
    WixUcpMetrics? metrics = null,
    IWebhookRegistrationStore? registrations = null,
    WebhookWakeup? wakeup = null) : BackgroundService
{
    public const string HttpClientName = "WixUcp.Webhooks";
    private const string ContentType = "application/json";
    private const string TargetNotAllowed = "target_not_allowed";
    private const string RegistrationDeleted = "registration_deleted";

    private const int MaxTrackedTargets = 1_024;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _targets = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Webhooks;
        if (!settings.DispatcherEnabled)
        {
            return;
        }

        // Nothing may end this loop but shutdown: a fault here would stop the host (BackgroundService's default), so a
        // failing round is logged and retried after a growing pause.
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await outbox.ClaimDueAsync(time.GetUtcNow(), settings.BatchSize, settings.ClaimLease, stoppingToken).ConfigureAwait(false);
                failures = 0;
                if (due.Count == 0)
                {
                    await (wakeup?.WaitAsync(settings.PollInterval, stoppingToken) ?? Task.Delay(settings.PollInterval, time, stoppingToken)).ConfigureAwait(false);
                    continue;
                }

                await Task.WhenAll(due.Select(d => AttemptAsync(d, stoppingToken))).ConfigureAwait(false);
                ForgetIdleTargets();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var pause = RoundBackoff(failures, settings);
                if (ex is StoreUnavailableException unavailable)
                {
                    metrics?.StoreFailed(unavailable.Store ?? "unknown");
                }

                LogRoundFailed(logger, ex, pause.TotalSeconds);
                try
                {
                    await Task.Delay(pause, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// One attempt of one delivery, with its outcome recorded. It never throws: when the outcome cannot be recorded (the
    /// outbox or the registration store failing), the claim is left to its lease, which brings the delivery back.
    /// </summary>
    internal async Task AttemptAsync(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await AttemptCoreAsync(delivery, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown before the attempt could be handed back: the lease brings it back.
        }
        catch (Exception ex)
        {
            if (ex is StoreUnavailableException unavailable)
            {
                metrics?.StoreFailed(unavailable.Store ?? "unknown");
            }

            metrics?.WebhookDelivered("error", Stopwatch.GetElapsedTime(started));
            LogAttemptFailed(logger, ex, delivery.Id, delivery.OrderId, options.Value.Webhooks.ClaimLease.TotalSeconds);
        }
    }

    private async Task AttemptCoreAsync(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        var settings = options.Value.Webhooks;
        var gate = _targets.GetOrAdd(delivery.Target.GetLeftPart(UriPartial.Authority), _ => new SemaphoreSlim(settings.MaxConcurrencyPerTarget));
        try
        {
            await gate.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await HandBackAsync(delivery).ConfigureAwait(false);
            return;
        }

        try
        {
            var started = Stopwatch.GetTimestamp();
            var failure = await SendAsync(delivery, settings, stoppingToken).ConfigureAwait(false);
            if (failure is null)
            {
                metrics?.WebhookDelivered("delivered", Stopwatch.GetElapsedTime(started));
                LogDelivered(logger, delivery.Id, delivery.OrderId, delivery.Attempts + 1);
                await outbox.UpdateAsync(delivery with { Status = WebhookDeliveryStatus.Delivered, Attempts = delivery.Attempts + 1, LastError = null }, CancellationToken.None).ConfigureAwait(false);
                return;
            }

            if (stoppingToken.IsCancellationRequested)
            {
                // Interrupted by shutdown, not refused by the receiver: the attempt does not count.
                await HandBackAsync(delivery).ConfigureAwait(false);
                return;
            }

            var attempts = delivery.Attempts + 1;
            if (attempts >= settings.MaxAttempts || NeverSucceeds(failure))
            {
                metrics?.WebhookDelivered("dead_lettered", Stopwatch.GetElapsedTime(started));
                LogDeadLettered(logger, delivery.Id, delivery.OrderId, attempts, failure);
                await outbox.UpdateAsync(delivery with { Status = WebhookDeliveryStatus.DeadLettered, Attempts = attempts, LastError = failure }, CancellationToken.None).ConfigureAwait(false);
                return;
            }

            var delay = Backoff(attempts, settings);
            metrics?.WebhookDelivered("retried", Stopwatch.GetElapsedTime(started));
            LogRetry(logger, delivery.Id, delivery.OrderId, attempts, failure, delay.TotalSeconds);
            await outbox.UpdateAsync(delivery with { Attempts = attempts, LastError = failure, NextAttemptAt = time.GetUtcNow() + delay }, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    // Null when the receiver answered 2xx; otherwise why not (a status or an error kind, never the receiver's body).
    private async Task<string?> SendAsync(WebhookDelivery delivery, WebhookOptions settings, CancellationToken stoppingToken)
    {
        if (!TargetAllowed(delivery.Target, settings))
        {
            return TargetNotAllowed;
        }

        // Deliveries to a webhook registration also carry the seed's shared-secret signature.
        string? secret = null;
        if (delivery.RegistrationId is { } registrationId)
        {
            secret = registrations is null ? null : (await registrations.GetAsync(registrationId, stoppingToken).ConfigureAwait(false))?.Secret;
            if (secret is null)
            {
                return RegistrationDeleted;
            }
        }

        var timestamp = delivery.CreatedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = signer.SignWebhook(delivery.Target, delivery.UcpAgent, ContentType, delivery.Id, timestamp, delivery.Body.Span);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Target) { Content = new ReadOnlyMemoryContent(delivery.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        request.Headers.TryAddWithoutValidation("Webhook-Id", delivery.Id);
        request.Headers.TryAddWithoutValidation("Webhook-Timestamp", timestamp);
        request.Headers.TryAddWithoutValidation("UCP-Agent", delivery.UcpAgent);
        request.Headers.TryAddWithoutValidation("Content-Digest", signature.ContentDigest);
        request.Headers.TryAddWithoutValidation("Signature-Input", signature.SignatureInput);
        request.Headers.TryAddWithoutValidation("Signature", signature.Signature);
        request.Headers.TryAddWithoutValidation(UcpRequestContext.RequestIdHeader, delivery.Id);

        // January's signature too (a detached JWS over the body): 2026-01-23 platforms verify that; the others ignore it.
        if (signer.SignDetached(delivery.Body.Span) is { } detached)
        {
            request.Headers.TryAddWithoutValidation("Request-Signature", detached);
        }
        if (secret is not null)
        {
            // The attempt's time, not the event's: Webhook-Timestamp stays the same on every retry, but a receiver checking
            // with IncomingWebhookVerifier refuses timestamps older than its window, and retries run for hours.
            var sentAt = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.TryAddWithoutValidation(IncomingWebhookVerifier.TimestampHeader, sentAt);
            request.Headers.TryAddWithoutValidation(IncomingWebhookVerifier.SignatureHeader, signer.SignHmac(System.Text.Encoding.UTF8.GetBytes(secret), sentAt, delivery.Body.Span));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(settings.RequestTimeout);
        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : "http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return "timeout";
        }
        catch (OperationCanceledException)
        {
            return "shutdown";
        }
        catch (HttpRequestException ex)
        {
            return ex.HttpRequestError switch
            {
                HttpRequestError.ConnectionError => "connection_failed",
                HttpRequestError.NameResolutionError => "name_not_resolved",
                _ => "request_failed",
            };
        }
    }

    // Failures no retry can fix: straight to the dead letters, where an operator may replay them once the cause is fixed
    // (the setting changed, the registration re-created).
    private static bool NeverSucceeds(string failure) => failure is TargetNotAllowed or RegistrationDeleted;

    // https only, except loopback receivers when explicitly allowed (tests, local development); the connection itself
    // goes through the profile-fetch SSRF guard.
    private static bool TargetAllowed(Uri target, WebhookOptions settings) =>
        target.Scheme == Uri.UriSchemeHttps || (settings.AllowInsecureLoopbackTargets && target.Scheme == Uri.UriSchemeHttp && target.IsLoopback);

    private static TimeSpan Backoff(int attempts, WebhookOptions settings)
    {
        var exponential = settings.InitialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        var capped = Math.Min(exponential, settings.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (0.4 * Random.Shared.NextDouble())));
    }

    // After a failed round: the poll interval, doubling per consecutive failure, at most 30 s (or the poll interval if longer).
    private static TimeSpan RoundBackoff(int failures, WebhookOptions settings)
    {
        var pause = settings.PollInterval.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 16));
        return TimeSpan.FromMilliseconds(Math.Min(pause, Math.Max(settings.PollInterval.TotalMilliseconds, 30_000)));
    }

    // Receivers come from platform profiles, so their number is not ours to bound; between rounds no attempt holds a
    // gate, and a long tail of receivers seen once is forgotten.
    private void ForgetIdleTargets()
    {
        if (_targets.Count <= MaxTrackedTargets)
        {
            return;
        }

        foreach (var gate in _targets.Values)
        {
            gate.Dispose();
        }

        _targets.Clear();
    }

    private async Task HandBackAsync(WebhookDelivery delivery) =>
        await outbox.UpdateAsync(delivery, CancellationToken.None).ConfigureAwait(false);

    public override void Dispose()
    {
        foreach (var gate in _targets.Values)
        {
            gate.Dispose();
        }

        base.Dispose();
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Webhook {WebhookId} for order {OrderId} delivered (attempt {Attempt})")]
    private static partial void LogDelivered(ILogger logger, string webhookId, string orderId, int attempt);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Webhook {WebhookId} for order {OrderId} failed (attempt {Attempt}: {Failure}); retrying in {DelaySeconds:0} s")]
    private static partial void LogRetry(ILogger logger, string webhookId, string orderId, int attempt, string failure, double delaySeconds);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Webhook {WebhookId} for order {OrderId} dead-lettered after {Attempts} attempts ({Failure})")]
    private static partial void LogDeadLettered(ILogger logger, string webhookId, string orderId, int attempts, string failure);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "The webhook outbox could not be read; retrying in {PauseSeconds:0.0} s")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, double pauseSeconds);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Webhook {WebhookId} for order {OrderId}: the attempt could not be completed or recorded; it is tried again when its claim lapses (within {LeaseSeconds:0} s)")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, string webhookId, string orderId, double leaseSeconds);
}
