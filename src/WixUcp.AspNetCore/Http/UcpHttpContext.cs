using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WixUcp.AspNetCore.Http;

internal static class UcpHttpContext
{
    /// <summary>The configured public URL, else the one the request arrived at (correct behind proxies only with forwarded headers).</summary>
    public static Uri BaseUrl(HttpContext context)
    {
        var configured = context.RequestServices.GetRequiredService<IOptions<WixUcpOptions>>().Value.PublicBaseUrl;
        if (configured is not null)
        {
            return configured;
        }

        var request = context.Request;
        return new Uri($"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}/");
    }
}
