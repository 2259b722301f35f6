using System.Net;
using Microsoft.Extensions.Options;
using WixUcp.Negotiation;

namespace WixUcp.Core.Tests.Negotiation;

/// <summary>SSRF: which addresses a platform-profile fetch may reach. Only classification and refusals are exercised: no test connects anywhere.</summary>
public sealed class ProfileFetchGuardTests
{
    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("10.255.255.255")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("198.18.0.1")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2001:db8::1")]
    public void Non_public_addresses_are_refused(string address)
    {
        var ip = IPAddress.Parse(address);

        Assert.False(ProfileFetchGuard.IsPublic(ip));
        Assert.False(ProfileFetchGuard.MayConnect(ip, 443, new NegotiationOptions()));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.4.4")]
    public void Public_addresses_are_allowed_on_443_only(string address)
    {
        var ip = IPAddress.Parse(address);
        var settings = new NegotiationOptions();

        Assert.True(ProfileFetchGuard.MayConnect(ip, 443, settings));
        Assert.False(ProfileFetchGuard.MayConnect(ip, 8443, settings));
        settings.AllowedProfilePorts.Add(8443);
        Assert.True(ProfileFetchGuard.MayConnect(ip, 8443, settings));
    }

    [Fact]
    public void The_development_option_opens_loopback_and_nothing_else()
    {
        var settings = new NegotiationOptions { AllowInsecureLoopbackProfiles = true };

        Assert.True(ProfileFetchGuard.MayConnect(IPAddress.Loopback, 5080, settings));
        Assert.True(ProfileFetchGuard.MayConnect(IPAddress.IPv6Loopback, 443, settings));
        Assert.False(ProfileFetchGuard.MayConnect(IPAddress.Parse("10.0.0.1"), 443, settings));
        Assert.False(ProfileFetchGuard.MayConnect(IPAddress.Parse("169.254.169.254"), 80, settings));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task A_name_or_literal_resolving_to_loopback_is_refused_before_connecting(string host)
    {
        var guard = new ProfileFetchGuard(Options.Create(new WixUcpOptions()));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://{host}/profile");

        var context = (SocketsHttpConnectionContext)Activator.CreateInstance(
            typeof(SocketsHttpConnectionContext),
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance,
            binder: null,
            [new DnsEndPoint(host, 443), request],
            culture: null)!;

        await Assert.ThrowsAsync<HttpRequestException>(async () => await guard.ConnectAsync(context, TestContext.Current.CancellationToken));
    }
}
