using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WixUcp.AspNetCore.Http;
using WixUcp.Idempotency;

namespace WixUcp.AspNetCore.Idempotency;

/// <summary>
/// Idempotency for state-changing operations: the same key and request replay the stored status and bytes without
/// running again; the same key with another request gets 409; a duplicate arriving while the first runs gets 409 and
/// Retry-After. Keys are scoped to the calling platform and the operation. A store failure fails closed (503).
/// </summary>
internal sealed partial class IdempotencyFilter(IIdempotencyStore store, IOptions<WixUcpOptions> options, ILogger<IdempotencyFilter> logger) : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(2);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var settings = options.Value;
        var key = http.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return settings.Idempotency.RequireKey
                ? ProtocolError.BadRequest("idempotency_key_required", "State-changing requests need an Idempotency-Key header (a UUID).")
                : await next(context).ConfigureAwait(false);
        }

        if (key.Length > settings.Idempotency.MaxKeyLength || key.Any(c => c < 0x21 || c > 0x7e))
        {
            return ProtocolError.BadRequest("invalid_idempotency_key", $"Idempotency-Key must be printable ASCII of at most {settings.Idempotency.MaxKeyLength} characters.");
        }

        var body = await RequestBody.ReadAsync(http, settings.MaxRequestBytes).ConfigureAwait(false);
        var scope = string.Join('\n', http.Request.Headers["UCP-Agent"].ToString(), http.Request.Method, http.Request.Path.Value, key);
        var scopedKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)));
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(body.Span));

        IdempotencyBeginResult begin;
        try
        {
            begin = await store.TryBeginAsync(scopedKey, fingerprint, ClaimLifetime, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStoreFailure(logger, ex);
            return Unavailable();
        }

        switch (begin.Status)
        {
            case IdempotencyBeginStatus.Replay:
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return new UcpJsonResult(begin.Response!.StatusCode, begin.Response.Body);
            case IdempotencyBeginStatus.Conflict:
                return ProtocolError.Create(StatusCodes.Status409Conflict, "idempotency_key_reused", "This Idempotency-Key was used with a different request; use a new key for a new request.");
            case IdempotencyBeginStatus.InProgress:
                return ProtocolError.Create(StatusCodes.Status409Conflict, "idempotency_in_progress", "A request with this Idempotency-Key is still running; retry shortly.", headers: RetryAfterOne);
        }

        object? result;
        try
        {
            result = await next(context).ConfigureAwait(false);
        }
        catch
        {
            await AbandonAsync(scopedKey).ConfigureAwait(false);
            throw;
        }

        // Only outcomes of the operation itself are kept; protocol errors (bad input, negotiation) may be retried with the same key.
        if (result is UcpJsonResult { StatusCode: StatusCodes.Status200OK or StatusCodes.Status201Created } response)
        {
            try
            {
                await store.CompleteAsync(scopedKey, new IdempotentResponse(response.StatusCode!.Value, UcpJsonResult.ContentType, response.Body), settings.Idempotency.RecordLifetime, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // The operation ran: answer it, but say so in the logs since a retry would run it again.
                LogStoreFailure(logger, ex);
            }
        }
        else
        {
            await AbandonAsync(scopedKey).ConfigureAwait(false);
        }

        return result;
    }

    private static readonly Dictionary<string, string> RetryAfterOne = new(StringComparer.Ordinal) { ["Retry-After"] = "1" };

    private static UcpJsonResult Unavailable() =>
        ProtocolError.Create(StatusCodes.Status503ServiceUnavailable, "idempotency_unavailable", "Idempotency records are unavailable; retry shortly.", headers: RetryAfterOne);

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
