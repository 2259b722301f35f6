using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Hosting;

public sealed class HostingTests
{
    [Fact]
    public void MapWixUcp_without_AddWixUcp_names_the_missing_call()
    {
        var builder = WebApplication.CreateSlimBuilder();
        using var app = builder.Build();
        var error = Assert.Throws<InvalidOperationException>(() => app.MapWixUcp());
        Assert.Contains("AddWixUcp()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapWixUcp_without_a_backend_names_the_missing_call()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddWixUcp();
        using var app = builder.Build();
        var error = Assert.Throws<InvalidOperationException>(() => app.MapWixUcp());
        Assert.Contains("AddSandboxStore()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWixUcp_is_idempotent()
    {
        var services = new ServiceCollection();
        services.AddWixUcp();
        var count = services.Count;
        services.AddWixUcp();
        Assert.Equal(count, services.Count);
    }

    [Fact]
    public async Task Invalid_settings_stop_start_up_with_a_message_naming_the_setting()
    {
        await using var factory = new UcpAppFactory().WithWebHostBuilder(b =>
        {
            b.UseSetting("WixUcp:Sandbox:DataDirectory", "/nonexistent/dataset");
            b.UseSetting("WixUcp:Checkout:SessionLifetime", "-00:01:00");
        });
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains(validation.Failures, f => f.Contains("WixUcp:Sandbox:DataDirectory", StringComparison.Ordinal) || f.Contains("WixUcp:Checkout:SessionLifetime", StringComparison.Ordinal));
    }
}
