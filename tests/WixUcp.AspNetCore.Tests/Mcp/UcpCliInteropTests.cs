using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Mcp;

/// <summary>
/// Shopify's <c>@shopify/ucp-cli</c>, a real UCP client that speaks MCP only (plain JSON, no initialize), against the
/// sample host as a real process: discovery, catalog search, and a checkout from create to order. The CLI presents its
/// own platform profile (made by <c>ucp profile init</c>), which a loopback server publishes and the host fetches.
/// test.sh installs the CLI from npm and sets WIXUCP_TEST_NODE and WIXUCP_TEST_UCP_CLI; without them the test skips,
/// except under CI=true, where it fails.
/// </summary>
public sealed partial class UcpCliInteropTests : IAsyncLifetime
{
    private const string CliVariable = "WIXUCP_TEST_UCP_CLI";
    private const string NodeVariable = "WIXUCP_TEST_NODE";

    private readonly string _home = Directory.CreateTempSubdirectory("wixucp-ucp-cli-").FullName;
    private WebApplication? _profileServer;
    private SampleHostProcess? _host;
    private int _profileFetches;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _profileServer = builder.Build();
        _profileServer.MapGet("/agent/profile.json", () =>
        {
            Interlocked.Increment(ref _profileFetches);
            var path = Path.Combine(_home, "profiles", "wixucp-interop", "profile.json");
            return File.Exists(path) ? Results.Text(File.ReadAllText(path), "application/json") : Results.NotFound();
        });
        await _profileServer.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_profileServer is not null)
        {
            await _profileServer.DisposeAsync();
        }

        Directory.Delete(_home, recursive: true);
    }

    [Theory]
    [InlineData("2026-04-08")]
    [InlineData("2026-08-25")]
    public async Task The_ucp_cli_discovers_searches_and_checks_out_over_mcp(string version)
    {
        var (node, cli) = RequireCli();
        var profileUrl = new Uri(new Uri(_profileServer!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/agent/profile.json");
        _host = await SampleHostProcess.StartAsync(new Dictionary<string, string>
        {
            // Development: absolute URLs (the MCP endpoint the CLI calls) follow the loopback address it connects to.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["WixUcp__Negotiation__AllowInsecureLoopbackProfiles"] = "true",
        });
        var apiKey = await DevelopmentKeyAsync(_host);
        var business = _host.BaseUrl.AbsoluteUri.TrimEnd('/');

        var init = await RunAsync(node, cli, "profile", "init", "--name", "wixucp-interop", "--version", version, "--profile-url", profileUrl.AbsoluteUri, "--activate");
        Assert.Equal(version, init["version"]!.GetValue<string>());

        string[] Op(params string[] args) => [.. args, "--business", business, "--header", "X-API-Key: " + apiKey];

        var discovered = await RunAsync(node, cli, Op("discover", "--refresh"));
        var services = discovered["result"]!["profile"]!["ucp"]!["services"]!["dev.ucp.shopping"]!.AsArray();
        Assert.Contains(services, s => s!["transport"]!.GetValue<string>() == "mcp" && s["endpoint"]!.GetValue<string>() == business + "/ucp/mcp");

        var search = await RunAsync(node, cli, Op("catalog", "search", "--set", "/query=\"tea\""));
        Assert.Equal("mcp", search["transport"]!.GetValue<string>());
        var products = search["result"]!["products"]!.AsArray();
        Assert.NotEmpty(products);
        Assert.All(products, p => Assert.False(string.IsNullOrEmpty(p!["id"]!.GetValue<string>())));
        Assert.True(Volatile.Read(ref _profileFetches) > 0, "the host fetched the CLI's platform profile");

        var createdOutput = await RunAsync(node, cli, Op("checkout", "create", "--input", Checkouts.Create("tea_sencha", 2)));
        var created = createdOutput["result"]!;
        var id = created["id"]!.GetValue<string>();
        Assert.Equal("incomplete", created["status"]!.GetValue<string>());
        Assert.Equal(version, createdOutput["ucp"]!["version"]!.GetValue<string>());   // the CLI shows the ucp block beside the result
        Assert.Equal(2, created["line_items"]![0]!["quantity"]!.GetValue<int>());

        var lineId = created["line_items"]![0]!["id"]!.GetValue<string>();
        // 2026-08-25 updates replace the checkout, so the buyer is sent again (2026-04-08 keeps what an update leaves out).
        var update = $$$"""{"line_items":[{"id":"{{{lineId}}}","item":{"id":"tea_sencha"},"quantity":2}],"buyer":{"email":"ada@example.com"},"fulfillment":{"methods":[{"type":"shipping","line_item_ids":["{{{lineId}}}"],"selected_destination_id":"addr_ada_work","groups":[{"id":"fg_1","selected_option_id":"ship-standard"}]}]}}""";
        var ready = (await RunAsync(node, cli, Op("checkout", "update", id, "--input", update)))["result"]!;
        Assert.Equal("ready_for_complete", ready["status"]!.GetValue<string>());

        var completed = (await RunAsync(node, cli, Op("checkout", "complete", id, "--input", Checkouts.Complete())))["result"]!;
        Assert.Equal("completed", completed["status"]!.GetValue<string>());
        var orderId = completed["order"]!["id"]!.GetValue<string>();

        var orderOutput = await RunAsync(node, cli, Op("order", "get", orderId));
        var order = orderOutput["result"]!;
        Assert.Equal(version, orderOutput["ucp"]!["version"]!.GetValue<string>());
        Assert.Equal(id, order["checkout_id"]!.GetValue<string>());
        Assert.Equal(Checkouts.TotalOf(ready, "total"), Checkouts.TotalOf(order, "total"));
    }

    private static (string Node, string Cli) RequireCli()
    {
        var node = Environment.GetEnvironmentVariable(NodeVariable);
        var cli = Environment.GetEnvironmentVariable(CliVariable);
        if (!string.IsNullOrEmpty(node) && !string.IsNullOrEmpty(cli) && File.Exists(cli))
        {
            return (node, cli);
        }

        var message = $"@shopify/ucp-cli is not available: {NodeVariable} and {CliVariable} are not set (./test.sh installs it with npm).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        throw new UnreachableException();
    }

    private static async Task<string> DevelopmentKeyAsync(SampleHostProcess host)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var key = host.OutputLines.Select(l => DevelopmentKey().Match(l)).FirstOrDefault(m => m.Success);
            if (key is not null)
            {
                return key.Groups[1].Value;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new InvalidOperationException("The host logged no development API key:\n" + string.Join('\n', host.OutputLines));
    }

    /// <summary>Runs one CLI command with JSON output; a non-zero exit fails the test with what the CLI said.</summary>
    private async Task<JsonNode> RunAsync(string node, string cli, params string[] args)
    {
        var start = new ProcessStartInfo(node) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--format");
        start.ArgumentList.Add("json");
        start.Environment["UCP_HOME"] = _home;
        start.Environment["UCP_TEST_ALLOW_INSECURE_LOCALHOST"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var (stdout, stderr) = (await output, await error);
        Assert.True(process.ExitCode == 0, $"ucp {string.Join(' ', args)} exited {process.ExitCode}:\n{stdout}\n{stderr}");
        return JsonNode.Parse(stdout) ?? throw new InvalidOperationException("ucp printed no JSON");
    }

    [GeneratedRegex(@"Development API key: (wixucp_[A-Za-z0-9_\-]+)")]
    private static partial Regex DevelopmentKey();
}
