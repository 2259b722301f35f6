using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WixUcp.Commerce;
using WixUcp.Diagnostics;
using WixUcp.Wix.Wire;

namespace WixUcp.Wix;

/// <summary>
/// Calls Wix's REST API for one site: authenticates (an app instance's token, or an API key with <c>wix-site-id</c>),
/// forwards the request id (<c>X-Request-ID</c>), times each call into the external-API metrics (<c>wixucp.backend.duration</c>,
/// operation <c>wix.*</c>), and turns answers into results or errors. Retries of safe calls on 429 (honouring
/// <c>Retry-After</c>), 5xx and timeouts are the resilience handler's (see <c>AddWix()</c>); a token Wix refuses is
/// renewed once. Transport failures and exhausted retries become <see cref="CommerceBackendException"/> (503 to the
/// platform); other refusals become <see cref="WixApiException"/> for the backend to interpret.
/// </summary>
internal sealed partial class WixApiClient(
    IHttpClientFactory clients, WixTokenSource tokens, IOptions<WixUcpOptions> options, ILogger<WixApiClient> logger, WixUcpMetrics? metrics = null)
{
    public const string HttpClientName = "WixUcp.Wix";

    private const int MaxErrorBodyBytes = 16 * 1024;

    /// <summary>Sends a call without a body.</summary>
    public ValueTask<TResponse> SendAsync<TResponse>(
        WixSite site, string operation, HttpMethod method, string path, JsonTypeInfo<TResponse> response, CancellationToken cancellationToken) =>
        SendAsync<object, TResponse>(site, operation, method, path, default, null, response, cancellationToken);

    /// <summary>Sends a read made by POST (a query or search), which may be retried like a GET.</summary>
    public ValueTask<TResponse> QueryAsync<TRequest, TResponse>(
        WixSite site, string operation, string path, TRequest body, JsonTypeInfo<TRequest> request, JsonTypeInfo<TResponse> response, CancellationToken cancellationToken) =>
        SendAsync(site, operation, HttpMethod.Post, path, body, request, response, cancellationToken, retrySafe: true);

    /// <summary>Sends a call with a JSON body and reads its JSON answer.</summary>
    public async ValueTask<TResponse> SendAsync<TRequest, TResponse>(
        WixSite site, string operation, HttpMethod method, string path, TRequest? body, JsonTypeInfo<TRequest>? request, JsonTypeInfo<TResponse> response, CancellationToken cancellationToken, bool retrySafe = false)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = WixUcpActivities.Source.StartActivity("wix " + operation, ActivityKind.Client);
        var outcome = "error";
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var token = site.ApiKey is null ? await tokens.GetAsync(site.InstanceId!, cancellationToken).ConfigureAwait(false) : null;
                using var message = new HttpRequestMessage(method, new Uri(options.Value.Wix.BaseUrl, path));
                message.Headers.TryAddWithoutValidation("Authorization", token ?? site.ApiKey);
                if (site.ApiKey is not null)
                {
                    message.Headers.TryAddWithoutValidation("wix-site-id", site.SiteId);
                }

                message.Options.Set(WixServiceCollectionExtensions.SafeToRetry, retrySafe);
                message.Options.Set(WixServiceCollectionExtensions.Site, site.CacheKey);
                if (request is not null)
                {
                    message.Content = JsonContent.Create(body, request);
                }

                using var answer = await SendOnceAsync(message, operation, cancellationToken).ConfigureAwait(false);
                if (answer.IsSuccessStatusCode)
                {
                    var result = await answer.Content.ReadFromJsonAsync(response, cancellationToken).ConfigureAwait(false)
                        ?? throw new CommerceBackendException($"Wix answered {operation} with an empty body.");
                    outcome = "success";
                    return result;
                }

                if (answer.StatusCode == HttpStatusCode.Unauthorized && token is not null && attempt == 0)
                {
                    // Expired or revoked before its time: one new token, one more try.
                    tokens.Invalidate(site.InstanceId!, token);
                    continue;
                }

                var error = await ReadErrorAsync(answer, cancellationToken).ConfigureAwait(false);
                var status = (int)answer.StatusCode;
                LogRefused(logger, operation, status, error?.Details?.ApplicationError?.Code);
                if (status is 401 or 403 or 429 || status >= 500)
                {
                    outcome = status == 429 ? "rate_limited" : "refused";
                    throw new CommerceBackendException($"Wix refused {operation} ({status}{(error?.Details?.ApplicationError?.Code is { } c ? " " + c : "")}).");
                }

                outcome = "rejected";
                throw new WixApiException(status, error?.Details?.ApplicationError?.Code, error?.Message ?? $"Wix answered {status}.") { ErrorData = error?.Details?.ApplicationError?.Data };
            }
        }
        catch (JsonException ex)
        {
            throw new CommerceBackendException($"Wix answered {operation} with a body that is not what its API documents.", ex);
        }
        finally
        {
            metrics?.BackendCalled("wix." + operation, outcome, Stopwatch.GetElapsedTime(started));
            if (outcome != "success")
            {
                activity?.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage message, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await clients.CreateClient(HttpClientName).SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(logger, ex, operation);
            throw new CommerceBackendException($"Wix did not answer {operation}.", ex);
        }
    }

    private static async Task<WixErrorBody?> ReadErrorAsync(HttpResponseMessage answer, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await answer.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return bytes.Length is 0 or > MaxErrorBodyBytes ? null : JsonSerializer.Deserialize(bytes, WixJson.Default.WixErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Wix refused {Operation} with {Status} ({Code})")]
    private static partial void LogRefused(ILogger logger, string operation, int status, string? code);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Wix did not answer {Operation}")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, string operation);
}
