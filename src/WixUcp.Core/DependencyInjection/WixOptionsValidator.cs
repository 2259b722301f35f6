using Microsoft.Extensions.Options;
using WixUcp;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Checks the Wix backend's settings at start-up, when <c>AddWix()</c> made Wix the backend.</summary>
internal sealed class WixOptionsValidator : IValidateOptions<WixUcpOptions>
{
    public ValidateOptionsResult Validate(string? name, WixUcpOptions options)
    {
        var wix = options.Wix;
        var failures = new List<string>();
        if (!wix.BaseUrl.IsAbsoluteUri || (wix.BaseUrl.Scheme != Uri.UriSchemeHttps && !(wix.BaseUrl.Scheme == Uri.UriSchemeHttp && wix.BaseUrl.IsLoopback)))
        {
            failures.Add("WixUcp:Wix:BaseUrl must be an https:// URL (http:// only on loopback, for a fake Wix), default https://www.wixapis.com/.");
        }

        var app = !string.IsNullOrEmpty(wix.AppId) && !string.IsNullOrEmpty(wix.AppSecret) && !string.IsNullOrEmpty(wix.InstanceId);
        var key = !string.IsNullOrEmpty(wix.ApiKey) && !string.IsNullOrEmpty(wix.SiteId);
        if (!app && !key)
        {
            failures.Add("The Wix backend needs a site: set WixUcp:Wix:AppId, WixUcp:Wix:AppSecret and WixUcp:Wix:InstanceId (an installed app instance), or WixUcp:Wix:ApiKey and WixUcp:Wix:SiteId (an owner's API key).");
        }

        if (wix.RequestTimeout <= TimeSpan.Zero || wix.TokenRenewalMargin < TimeSpan.Zero || wix.TokenRenewalMargin > TimeSpan.FromHours(1) || wix.MaxSearchCandidates < 1)
        {
            failures.Add("WixUcp:Wix:RequestTimeout must be positive, TokenRenewalMargin between 0 and 1 hour (tokens live 4 h), and MaxSearchCandidates at least 1.");
        }

        if (wix.WebhookPublicKeyPem is { Length: > 0 } pem && !IsRsaPublicKey(pem))
        {
            failures.Add("WixUcp:Wix:WebhookPublicKeyPem must be the app's RSA public key in PEM (-----BEGIN PUBLIC KEY-----), as the Wix dashboard shows it.");
        }

        if (wix.WebhookReplayWindow <= TimeSpan.Zero || wix.WebhookReplayWindow > TimeSpan.FromDays(1))
        {
            failures.Add("WixUcp:Wix:WebhookReplayWindow must be between 0 and 1 day (default 01:00:00).");
        }

        if (string.IsNullOrWhiteSpace(wix.HostedCheckoutHandlerId) || string.IsNullOrWhiteSpace(wix.HostedCheckoutHandlerName))
        {
            failures.Add("WixUcp:Wix:HostedCheckoutHandlerId and WixUcp:Wix:HostedCheckoutHandlerName must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsRsaPublicKey(string pem)
    {
        try
        {
            using var rsa = System.Security.Cryptography.RSA.Create();
            rsa.ImportFromPem(pem);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
