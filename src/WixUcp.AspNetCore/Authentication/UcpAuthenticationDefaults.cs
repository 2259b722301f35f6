using WixUcp.Authentication;

namespace WixUcp.AspNetCore.Authentication;

/// <summary>The names WixUcp registers with ASP.NET Core authentication and authorization.</summary>
public static class UcpAuthenticationDefaults
{
    /// <summary>The authentication scheme that verifies platform credentials through the registered <see cref="IUcpAuth"/>s.</summary>
    public const string AuthenticationScheme = "WixUcp";

    /// <summary>The authorization policy that requires a permission (see <see cref="UcpPermissions"/>).</summary>
    /// <param name="permission">The permission, for example <c>checkout:write</c>.</param>
    /// <returns>The policy's name, for example <c>WixUcp:checkout:write</c>.</returns>
    public static string PolicyFor(string permission) => AuthenticationScheme + ":" + permission;
}
