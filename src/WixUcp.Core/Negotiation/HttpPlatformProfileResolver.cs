using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WixUcp.Diagnostics;
using WixUcp.RateLimiting;
using WixUcp.Storage;

namespace WixUcp.Negotiation;

/// <summary>
/// Fetches platform profiles over HTTP (no redirects, bounded time and size) and caches them: parsed in this process,
/// and as fetched bytes in <see cref="HybridCache"/> (shared by every replica when Redis backs it), for the profile's own
/// <c>max-age</c> capped at <see cref="NegotiationOptions.ProfileCacheDuration"/>, and never below 60 seconds.
/// Concurrent requests for the same profile share one fetch.
/// </summary>
internal sealed partial class HttpPlatformProfileResolver(
    IHttpClientFactory httpClientFactory,
    HybridCache sharedCache,
    IOptions<WixUcpOptions> options,
    ILogger<HttpPlatformProfileResolver> logger,
    WixUcpMetrics? metrics = null,
    RateLimitGate? rateLimits = null) : IPlatformProfileResolver, IDisposable
{
    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    public const string HttpClientName = "WixUcp.PlatformProfiles";
    private static readonly TimeSpan MinimumCacheDuration = TimeSpan.FromSeconds(60);

    // A profile that failed is not fetched again for a short while, so one broken platform costs one fetch, not one per request.
    private static readonly TimeSpan FailureCacheDuration = TimeSpan.FromSeconds(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.Negotiation.MaxCachedProfiles });
    private static readonly TimeSpan FetchSlotWait = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, Lazy<Task<PlatformProfile>>> _inflight = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _fetchSlots = new(options.Value.Negotiation.MaxConcurrentProfileFetches);

    // When each origin's profile was last fetched anew for an unknown key id (bounded: cleared past 4096 origins).
    private readonly ConcurrentDictionary<string, long> _refreshed = new(StringComparer.Ordinal);

    public async ValueTask<PlatformProfile> ResolveAsync(Uri profileUrl, CancellationToken cancellationToken)
    {
        var key = profileUrl.AbsoluteUri;
        if (_cache.TryGetValue(key, out object? cached))
        {
            return cached switch
            {
                PlatformProfile profile => profile,
                NegotiationException failure => throw new NegotiationException(failure.Code, failure.StatusCode, failure.Message),
                _ => throw new InvalidOperationException("Unexpected profile cache entry."),
            };
        }

        await RequireFetchBudgetAsync(cancellationToken).ConfigureAwait(false);
        var fetch = _inflight.GetOrAdd(key, _ => new Lazy<Task<PlatformProfile>>(() => FetchAndCacheAsync(profileUrl)));
        try
        {
            return await fetch.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _inflight.TryRemove(new KeyValuePair<string, Lazy<Task<PlatformProfile>>>(key, fetch));
        }
    }

    // Profiles not cached yet cost a fetch: each client has a budget of them, so a flood of new UCP-Agent URLs is bounded.
    private async ValueTask RequireFetchBudgetAsync(CancellationToken cancellationToken)
    {
        if (rateLimits is not { Enabled: true })
        {
            return;
        }

        var request = UcpRequestContext.Current;
        var decision = await rateLimits.DecideAsync(UcpRateLimitPolicies.ProfileFetches, RateLimitGate.ClientKey(request?.PlatformId, request?.ClientAddress), cancellationToken).ConfigureAwait(false);
        if (decision.IsAllowed)
        {
            return;
        }

        if (decision.StoreUnavailable)
        {
            throw new StoreUnavailableException("The rate limiter's store is unreachable and fails closed.") { Store = "rate_limiter" };
        }

        throw new NegotiationException("rate_limit_exceeded", 429, "Too many platform profiles not seen before were named by this client; retry later.")
        {
            RetryAfter = decision.RetryAfter,
        };
    }

    public async ValueTask<PlatformProfile> RefreshAsync(Uri profileUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profileUrl);
        var origin = profileUrl.GetLeftPart(UriPartial.Authority);
        var now = Environment.TickCount64;
        if (_refreshed.TryGetValue(origin, out var last) && now - last < (long)MinimumCacheDuration.TotalMilliseconds)
        {
            return await ResolveAsync(profileUrl, cancellationToken).ConfigureAwait(false);
        }

        if (_refreshed.Count >= 4096)
        {
            _refreshed.Clear();
        }

        _refreshed[origin] = now;
        _cache.Remove(profileUrl.AbsoluteUri);
        return await FetchAsync(profileUrl).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _cache.Dispose();
        _fetchSlots.Dispose();
    }

    // Not tied to one caller's cancellation: other callers may be waiting on the same fetch.
    private async Task<PlatformProfile> FetchAndCacheAsync(Uri profileUrl)
    {
        try
        {
            var shared = await ReadSharedAsync(profileUrl).ConfigureAwait(false);
            if (shared is not null)
            {
                // Another replica fetched it; its remaining lifetime is unknown here, so it is kept for the floor only.
                var profile = PlatformProfileParser.Parse(profileUrl, shared, options.Value.Negotiation.Mode);
                _cache.Set(profileUrl.AbsoluteUri, profile, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = MinimumCacheDuration });
                metrics?.ProfileFetched("shared_cache");
                return profile;
            }

            var fetched = await FetchAsync(profileUrl).ConfigureAwait(false);
            metrics?.ProfileFetched("fetched");
            return fetched;
        }
        catch (NegotiationException failure)
        {
            metrics?.ProfileFetched(failure.Code);
            if (failure.StatusCode == 503)
            {
                throw;
            }

            _cache.Set(profileUrl.AbsoluteUri, failure, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = FailureCacheDuration });
            throw;
        }
    }

    private async Task<byte[]?> ReadSharedAsync(Uri profileUrl)
    {
        try
        {
            // A read only: the factory's empty answer (a miss) is written nowhere.
            var shared = await sharedCache.GetOrCreateAsync(SharedKey(profileUrl), _ => ValueTask.FromResult(Array.Empty<byte>()), ReadOnly).ConfigureAwait(false);
            return shared is { Length: > 0 } ? shared : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The shared cache is an optimisation: without it the profile is fetched.
            LogSharedCacheFailure(logger, ex);
            return null;
        }
    }

    private async Task WriteSharedAsync(Uri profileUrl, byte[] body, TimeSpan duration)
    {
        try
        {
            await sharedCache.SetAsync(SharedKey(profileUrl), body, new HybridCacheEntryOptions { Expiration = duration, LocalCacheExpiration = duration }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSharedCacheFailure(logger, ex);
        }
    }

    // Profile URLs can be long; the shared key is a fixed-length digest of the URL.
    private static string SharedKey(Uri profileUrl) =>
        "platform-profile:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(profileUrl.AbsoluteUri)));

    private async Task<PlatformProfile> FetchAsync(Uri profileUrl)
    {
        // Fetches of profiles not yet cached share one budget, so a flood of new UCP-Agent URLs cannot tie up the server.
        if (!await _fetchSlots.WaitAsync(FetchSlotWait).ConfigureAwait(false))
        {
            throw new NegotiationException("profile_unreachable", 503, "Too many platform profiles are being fetched; retry shortly.");
        }

        try
        {
            return await FetchWithinBudgetAsync(profileUrl).ConfigureAwait(false);
        }
        finally
        {
            _fetchSlots.Release();
        }
    }

    private async Task<PlatformProfile> FetchWithinBudgetAsync(Uri profileUrl)
    {
        using var activity = WixUcpActivities.Source.StartActivity("profile fetch", ActivityKind.Client);
        activity?.SetTag("url.full", profileUrl.AbsoluteUri);
        var settings = options.Value.Negotiation;
        using var timeout = new CancellationTokenSource(settings.ProfileFetchTimeout);
        var client = httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, profileUrl);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            LogFetchFailed(logger, profileUrl, ex.Message);
            throw NegotiationException.Unreachable("The platform profile could not be fetched.", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                // Redirects land here too: profiles must be served without them.
                LogFetchFailed(logger, profileUrl, $"HTTP {(int)response.StatusCode}");
                throw NegotiationException.Unreachable($"The platform profile answered HTTP {(int)response.StatusCode}.");
            }

            byte[] body;
            try
            {
                body = await ReadBoundedAsync(response.Content, settings.MaxProfileBytes, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                throw NegotiationException.Unreachable("The platform profile could not be read.", ex);
            }

            var profile = PlatformProfileParser.Parse(profileUrl, body, settings.Mode);

            // The profile's own max-age, capped by the setting; UCP asks for at least 60 seconds either way.
            var maxAge = response.Headers.CacheControl?.MaxAge;
            var duration = maxAge is { } age && age < settings.ProfileCacheDuration ? age : settings.ProfileCacheDuration;
            duration = duration < MinimumCacheDuration ? MinimumCacheDuration : duration;
            _cache.Set(profileUrl.AbsoluteUri, profile, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = duration });
            await WriteSharedAsync(profileUrl, body, duration).ConfigureAwait(false);
            LogFetched(logger, profileUrl, body.Length, (int)duration.TotalSeconds);
            return profile;
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > limit)
        {
            throw NegotiationException.Malformed($"The platform profile is larger than {limit} bytes.");
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw NegotiationException.Malformed($"The platform profile is larger than {limit} bytes.");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "The shared profile cache failed; fetching directly")]
    private static partial void LogSharedCacheFailure(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Platform profile {ProfileUrl} fetched ({Bytes} bytes), cached for {CacheSeconds} s")]
    private static partial void LogFetched(ILogger logger, Uri profileUrl, int bytes, int cacheSeconds);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Platform profile {ProfileUrl} could not be fetched: {Reason}")]
    private static partial void LogFetchFailed(ILogger logger, Uri profileUrl, string reason);
}
