using System.Net;
using Microsoft.Extensions.Options;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Versions;

/// <summary>Which version <c>/.well-known/ucp</c> presents, and which versions are served (<c>WixUcp:Protocol:Current</c>).</summary>
public sealed class ProtocolVersionTests : IAsyncLifetime
{
    private readonly FakePlatform _platform = new();

    public ValueTask InitializeAsync() => _platform.InitializeAsync();

    public ValueTask DisposeAsync() => _platform.DisposeAsync();

    [Fact]
    public async Task Pinning_2026_04_08_presents_it_and_serves_nothing_newer()
    {
        await using var app = new UcpAppFactory(new Dictionary<string, string> { ["WixUcp:Protocol:Current"] = "2026-04-08" });
        var april = new UcpClient(app.CreateClient(), _platform.Agent());
        var profile = await april.GetAsync("/.well-known/ucp");
        Assert.Equal("2026-04-08", profile.Json["ucp"]!["version"]!.GetValue<string>());
        Assert.Equal(["2026-01-23"], profile.Json["ucp"]!["supported_versions"]!.AsObject().Select(v => v.Key));
        Assert.Equal(HttpStatusCode.NotFound, (await april.GetAsync("/.well-known/ucp/2026-08-25")).Status);

        var august = new UcpClient(app.CreateClient(), _platform.Agent("august"));
        var refused = await august.PostAsync("/ucp/checkout-sessions", Checkouts.Create());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("version_unsupported", refused.Json["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await april.PostAsync("/ucp/checkout-sessions", Checkouts.Create())).Status);
    }

    [Fact]
    public async Task A_version_the_server_does_not_speak_stops_start_up_naming_the_setting()
    {
        await using var app = new UcpAppFactory(new Dictionary<string, string> { ["WixUcp:Protocol:Current"] = "2027-01-01" });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.Contains(validation!.Failures, f => f.Contains("WixUcp:Protocol:Current", StringComparison.Ordinal) && f.Contains("2026-08-25", StringComparison.Ordinal));
    }
}
