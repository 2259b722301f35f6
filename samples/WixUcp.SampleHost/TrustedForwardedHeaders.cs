using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace WixUcp.SampleHost;

/// <summary>
/// Behind a reverse proxy, the scheme and host the client used (RFC 9421's <c>@authority</c>) arrive in
/// <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c>. They are believed only from the proxies listed in
/// <c>ForwardedHeaders:KnownProxies:&lt;n&gt;</c> (addresses) or <c>ForwardedHeaders:KnownNetworks:&lt;n&gt;</c> (CIDR);
/// with none listed no forwarded header is read at all, so a client cannot claim another host.
/// </summary>
internal static class TrustedForwardedHeaders
{
    public static void UseTrustedForwardedHeaders(this WebApplication app)
    {
        var section = app.Configuration.GetSection("ForwardedHeaders");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            ForwardLimit = 1,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies has '{proxy}', which is not an IP address."));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks has '{network}', which is not a CIDR network such as 10.0.0.0/8."));
        }

        app.UseForwardedHeaders(options);
    }
}
