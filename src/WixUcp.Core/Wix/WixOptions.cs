namespace WixUcp.Wix;

/// <summary>
/// How the Wix backend reaches Wix (<c>WixUcp:Wix</c>). A single site is named either by an app instance (app id,
/// secret and instance id: OAuth client credentials, the recommended mode) or by an owner's API key and site id.
/// </summary>
public sealed class WixOptions
{
    /// <summary>The Wix REST API's base URL (<c>https://www.wixapis.com/</c>; a fake Wix in tests).</summary>
    public Uri BaseUrl { get; set; } = new("https://www.wixapis.com/");

    /// <summary>The Wix app's id (OAuth <c>client_id</c>).</summary>
    public string? AppId { get; set; }

    /// <summary>The Wix app's secret (OAuth <c>client_secret</c>). Keep it in a secret store.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The app instance of the single site served (single-site mode); installed instances add more sites.</summary>
    public string? InstanceId { get; set; }

    /// <summary>An owner-generated API key (single-site mode without an app); sent with <see cref="SiteId"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The site an <see cref="ApiKey"/> acts on (<c>wix-site-id</c>).</summary>
    public string? SiteId { get; set; }

    /// <summary>
    /// The app's public key for webhooks (PEM, from the app's dashboard): Wix signs each webhook with it (RS256). Without
    /// it webhooks are refused.
    /// </summary>
    public string? WebhookPublicKeyPem { get; set; }

    /// <summary>How old an event may be, and how long its id is remembered to drop Wix's retries of it.</summary>
    public TimeSpan WebhookReplayWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest one call to Wix may take before it is abandoned (and retried when that is safe).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long before its expiry an access token is renewed (tokens live four hours).</summary>
    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The id of the payment handler that sends buyers to Wix's hosted checkout to pay (complete escalates to it).</summary>
    public string HostedCheckoutHandlerId { get; set; } = "wix_hosted_checkout";

    /// <summary>The name the profile gives the hosted-checkout payment handler.</summary>
    public string HostedCheckoutHandlerName { get; set; } = "com.wix.hosted_checkout";

    /// <summary>The most products a catalog search reads from Wix to filter and page (Wix pages by 100).</summary>
    public int MaxSearchCandidates { get; set; } = 500;
}
