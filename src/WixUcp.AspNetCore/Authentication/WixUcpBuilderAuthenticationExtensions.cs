using Microsoft.AspNetCore.Authentication;
using WixUcp.AspNetCore.Authentication;
using WixUcp.Authentication;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers platform authentication with ASP.NET Core's authentication and authorization.</summary>
public static class WixUcpBuilderAuthenticationExtensions
{
    /// <summary>
    /// Adds the <see cref="UcpAuthenticationDefaults.AuthenticationScheme"/> scheme, which verifies credentials with the
    /// registered <see cref="IUcpAuth"/>s (API keys from <c>AddWixUcp()</c>; more can be added), and one authorization
    /// policy per permission, which <c>MapWixUcp()</c> puts on each operation while <c>WixUcp:Auth:Enabled</c> is true.
    /// </summary>
    /// <param name="builder">The WixUcp builder.</param>
    /// <returns>The same builder.</returns>
    public static IWixUcpBuilder AddUcpAuthentication(this IWixUcpBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, UcpAuthenticationHandler>(UcpAuthenticationDefaults.AuthenticationScheme, displayName: "UCP platform", configureOptions: null);
        builder.Services.AddAuthorization(options =>
        {
            foreach (var permission in UcpPermissions.All)
            {
                options.AddPolicy(UcpAuthenticationDefaults.PolicyFor(permission), policy => policy
                    .AddAuthenticationSchemes(UcpAuthenticationDefaults.AuthenticationScheme)
                    .RequireAuthenticatedUser()
                    .RequireClaim(UcpClaimTypes.Permission, permission));
            }
        });
        return builder;
    }
}
