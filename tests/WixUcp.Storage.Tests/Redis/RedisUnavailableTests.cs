using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WixUcp.Negotiation;
using WixUcp.Operations;

namespace WixUcp.Storage.Tests.Redis;

/// <summary>Redis down: calls that need it answer 503 with a UCP error and Retry-After, within the configured timeout.</summary>
public sealed class RedisUnavailableTests : IDisposable
{
    private readonly string _dataset = Directory.CreateTempSubdirectory("wixucp-redis-down").FullName;
    private readonly ServiceProvider _services;

    public RedisUnavailableTests()
    {
        File.WriteAllText(Path.Combine(_dataset, "products.csv"), "id,title,price\ntea,Tea,1200\n");
        var services = new ServiceCollection();
        services.AddSingleton<IPlatformProfileResolver>(new FixedProfileResolver());
        services.AddWixUcp()
            .AddSandboxStore(o => o.DataDirectory = _dataset)
            .AddRedis(o =>
            {
                o.Url = $"redis://127.0.0.1:{ClosedPort()}";
                o.ConnectTimeout = TimeSpan.FromMilliseconds(300);
                o.OperationTimeout = TimeSpan.FromMilliseconds(300);
            });
        _services = services.BuildServiceProvider();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_dataset, recursive: true);
    }

    [Fact]
    public async Task Reads_and_writes_answer_503_with_retry_after()
    {
        var operations = _services.GetRequiredService<UcpOperations>();

        var read = await operations.GetCheckoutAsync(Call(body: null), "chk_any", Ct);
        var create = await operations.CreateCheckoutAsync(Call("""{"line_items":[{"item":{"id":"tea"},"quantity":1}]}"""), Ct);

        Assert.Equal((503, "backend_unavailable"), (read.StatusCode, read.ErrorCode));
        Assert.Equal((503, "idempotency_unavailable"), (create.StatusCode, create.ErrorCode));
        Assert.NotNull(read.RetryAfter);
        Assert.NotNull(create.RetryAfter);
    }

    private static UcpCall Call(string? body) => new()
    {
        BaseUrl = new Uri("https://merchant.example/"),
        UcpAgent = "profile=\"https://platform.example/profile\"",
        Body = body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(body),
        IdempotencyKey = Guid.NewGuid().ToString(),
    };

    // A port nothing listens on: bound then released.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class FixedProfileResolver : IPlatformProfileResolver
    {
        public ValueTask<PlatformProfile> ResolveAsync(Uri profileUrl, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new PlatformProfile
            {
                Url = profileUrl,
                Version = "2026-04-08",
                Capabilities = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
                {
                    ["dev.ucp.shopping.checkout"] = ["2026-04-08"],
                },
            });
    }
}
