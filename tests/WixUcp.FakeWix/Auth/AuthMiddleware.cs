using WixUcp.FakeWix.Infrastructure;

namespace WixUcp.FakeWix.Auth;

/// <summary>
/// Resolves the caller of every Wix API route to an app instance: an OAuth access token (<c>Authorization: TOKEN</c>
/// or <c>Authorization: Bearer TOKEN</c>) or the API key with exactly one of <c>wix-site-id</c>/<c>wix-account-id</c>.
/// <c>/_fake/*</c>, <c>/oauth2/token</c> and <c>/oauth2/token-info</c> need no credentials.
/// </summary>
internal sealed class AuthMiddleware(RequestDelegate next, FakeWixState state)
{
    public const string InstanceItem = "fakewix.instance";

    public static FakeWixInstance Caller(HttpContext http) =>
        http.Items[InstanceItem] as FakeWixInstance ?? throw WixErrors.Unauthorized("UNAUTHENTICATED", "missing credentials");

    public static bool IsOpen(PathString path) =>
        path.StartsWithSegments("/_fake", StringComparison.Ordinal)
        || path.Equals("/oauth2/token", StringComparison.Ordinal)
        || path.Equals("/oauth2/token-info", StringComparison.Ordinal);

    public Task InvokeAsync(HttpContext http)
    {
        if (!IsOpen(http.Request.Path))
        {
            http.Items[InstanceItem] = Authenticate(http);
        }

        return next(http);
    }

    private FakeWixInstance Authenticate(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString().Trim();
        if (header.Length == 0)
        {
            throw WixErrors.Unauthorized("UNAUTHENTICATED", "missing Authorization header");
        }

        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : header;
        lock (state.Sync)
        {
            if (token == state.ApiKey)
            {
                var siteId = http.Request.Headers["wix-site-id"].ToString();
                var accountId = http.Request.Headers["wix-account-id"].ToString();
                if (siteId.Length > 0 && accountId.Length > 0)
                {
                    throw WixErrors.BadRequestCode("SITE_AND_ACCOUNT_ID_BOTH_SET", "send either wix-site-id or wix-account-id with an API key, not both");
                }

                if (siteId.Length == 0)
                {
                    throw WixErrors.Forbidden("MISSING_SITE_ID", "this is a site-level API: send wix-site-id with the API key");
                }

                if (siteId != state.ApiKeySiteId || state.InstanceBySite(siteId) is not { } site)
                {
                    throw WixErrors.Forbidden("API_KEY_NOT_AUTHORIZED_FOR_SITE", $"the API key has no access to site {siteId}");
                }

                return site;
            }

            if (!state.Tokens.TryGetValue(token, out var grant))
            {
                throw WixErrors.Unauthorized("INVALID_TOKEN", "invalid token");
            }

            if (grant.ExpiresAt <= state.Time.GetUtcNow())
            {
                throw WixErrors.Unauthorized("EXPIRED_TOKEN", "token expired");
            }

            return state.InstanceById(grant.InstanceId) is { Installed: true } instance
                ? instance
                : throw WixErrors.Unauthorized("APP_NOT_INSTALLED", "the app was removed from this instance");
        }
    }
}
