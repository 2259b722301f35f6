using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WixUcp.Operations;

namespace WixUcp.Idempotency;

/// <summary>
/// Idempotency for state-changing operations: the same key and request replay the stored status and bytes without
/// running again; the same key with another request gets 409; a duplicate arriving while the first runs gets 409 and
/// Retry-After. Keys are scoped to the tenant, the calling platform, the operation and its resource. A store failure
/// fails closed (503). Only answers of the operation itself (resources and business errors) are kept; protocol errors may be retried.
/// </summary>
internal sealed partial class IdempotencyGate(IIdempotencyStore store, IOptions<WixUcpOptions> options, ILogger<IdempotencyGate> logger)
{
    private const string JsonContentType = "application/json";
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RetryShortly = TimeSpan.FromSeconds(1);

    public async ValueTask<UcpOutcome> RunAsync(OperationContext context, string operation, string? resourceId, Func<ValueTask<UcpOutcome>> run, CancellationToken cancellationToken)
    {
        var settings = options.Value.Idempotency;
        var key = context.Call.IdempotencyKey;
        if (string.IsNullOrEmpty(key))
        {
            return settings.RequireKey
                ? UcpOutcome.ProtocolError(400, "idempotency_key_required", "State-changing requests need an Idempotency-Key header (a UUID).")
                : await run().ConfigureAwait(false);
        }

        if (key.Length > settings.MaxKeyLength || key.Any(c => c < 0x21 || c > 0x7e))
        {
            return UcpOutcome.ProtocolError(400, "invalid_idempotency_key", $"Idempotency-Key must be printable ASCII of at most {settings.MaxKeyLength} characters.");
        }

        var scope = string.Join('\n', context.Tenant.Id, context.Negotiation.Platform.Url.AbsoluteUri, operation, resourceId ?? "", key);
        var scopedKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)));
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(context.Call.Body.Span));

        IdempotencyBeginResult begin;
        try
        {
            begin = await store.TryBeginAsync(scopedKey, fingerprint, ClaimLifetime, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStoreFailure(logger, ex);
            return UcpOutcome.ProtocolError(503, "idempotency_unavailable", "Idempotency records are unavailable; retry shortly.", retryAfter: RetryShortly);
        }

        switch (begin.Status)
        {
            case IdempotencyBeginStatus.Replay:
                var stored = begin.Response!;
                return new UcpOutcome
                {
                    Kind = stored.Kind ?? (stored.StatusCode == 201 ? UcpOutcomeKind.Created : UcpOutcomeKind.Resource),
                    StatusCode = stored.StatusCode,
                    Body = stored.Body,
                    IsReplay = true,
                };
            case IdempotencyBeginStatus.Conflict:
                return UcpOutcome.ProtocolError(409, "idempotency_key_reused", "This Idempotency-Key was used with a different request; use a new key for a new request.");
            case IdempotencyBeginStatus.InProgress:
                return UcpOutcome.ProtocolError(409, "idempotency_in_progress", "A request with this Idempotency-Key is still running; retry shortly.", retryAfter: RetryShortly);
        }

        UcpOutcome outcome;
        try
        {
            outcome = await run().ConfigureAwait(false);
        }
        catch
        {
            await AbandonAsync(scopedKey).ConfigureAwait(false);
            throw;
        }

        if (!outcome.IsOperationAnswer)
        {
            await AbandonAsync(scopedKey).ConfigureAwait(false);
            return outcome;
        }

        try
        {
            var response = new IdempotentResponse { StatusCode = outcome.StatusCode, ContentType = JsonContentType, Body = outcome.Body, Kind = outcome.Kind };
            await store.CompleteAsync(scopedKey, response, settings.RecordLifetime, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The operation ran: answer it, but say so in the logs since a retry would run it again.
            LogStoreFailure(logger, ex);
        }

        return outcome;
    }

    private async Task AbandonAsync(string scopedKey)
    {
        try
        {
            await store.AbandonAsync(scopedKey, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogStoreFailure(logger, ex);
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Error, Message = "Idempotency store failure")]
    private static partial void LogStoreFailure(ILogger logger, Exception exception);
}
