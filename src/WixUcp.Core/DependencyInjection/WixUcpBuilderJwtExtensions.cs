using Microsoft.Extensions.DependencyInjection.Extensions;
using WixUcp;
using WixUcp.Authentication;
using WixUcp.Diagnostics;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Accepts JWT bearer tokens as platform credentials.</summary>
public static class WixUcpBuilderJwtExtensions
{
    /// <summary>
    /// Adds the <c>Bearer</c> verifier: tokens signed HS256 with <c>WixUcp:Auth:Jwt:Secret</c>, or RS256/ES256 with the
    /// keys at <c>WixUcp:Auth:Jwt:JwksUrl</c>, for <c>WixUcp:Auth:Jwt:Issuer</c> and <c>Audience</c>.
    /// </summary>
    /// <param name="builder">The WixUcp builder.</param>
    /// <param name="configure">Sets the JWT options in code, after configuration binding.</param>
    /// <returns>The same builder.</returns>
    public static IWixUcpBuilder AddUcpJwtBearer(this IWixUcpBuilder builder, Action<JwtOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (configure is not null)
        {
            builder.Services.Configure<WixUcpOptions>(o => configure(o.Auth.Jwt));
        }

        builder.Services.AddOptions<WixUcpOptions>().Validate(
            o => !string.IsNullOrWhiteSpace(o.Auth.Jwt.Issuer) && !string.IsNullOrWhiteSpace(o.Auth.Jwt.Audience) && (o.Auth.Jwt.Secret is { Length: > 0 } ^ o.Auth.Jwt.JwksUrl is not null),
            "JWT bearer tokens need WixUcp:Auth:Jwt:Issuer (UCP_JWT_ISSUER), WixUcp:Auth:Jwt:Audience (UCP_JWT_AUDIENCE) and exactly one of WixUcp:Auth:Jwt:Secret (UCP_JWT_SECRET) or WixUcp:Auth:Jwt:JwksUrl (UCP_JWT_JWKS_URL).");
        builder.Services.AddHttpClient(JwksKeySource.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(5))
            .AddHttpMessageHandler(() => new RequestIdPropagationHandler())
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(5) });
        builder.Services.TryAddSingleton<JwksKeySource>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IUcpAuth, JwtBearerAuth>());
        return builder;
    }
}
