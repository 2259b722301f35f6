using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>The sample host on its embedded default, with loopback platform profiles allowed.</summary>
public sealed class UcpAppFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("WixUcp:Negotiation:AllowInsecureLoopbackProfiles", "true");
        builder.UseSetting("WixUcp:Negotiation:ProfileFetchTimeout", "00:00:01");
        builder.UseSetting("WixUcp:PublicBaseUrl", "https://shop.test/");
        builder.UseSetting("Sample:ServeDemoPlatformProfile", "false");
    }
}
