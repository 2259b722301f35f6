using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WixUcp.Core.Tests.TestSupport;
using WixUcp.Negotiation;
using WixUcp.Operations;
using WixUcp.Tenancy;

namespace WixUcp.Core.Tests.Operations;

/// <summary>One deployment, two stores: a tenant resolver decides, and nothing of one tenant is visible to the other.</summary>
public sealed class TenancyTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly UcpOperations _operations;

    public TenancyTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IPlatformProfileResolver>(new OperationLayerTests.FixedProfileResolver());
        services.AddSingleton<ITenantResolver, ClaimTenantResolver>();
        services.AddWixUcp().AddSandboxStore(o => o.DataDirectory = TestData.SampleHostDataset);
        _services = services.BuildServiceProvider();
        _operations = _services.GetRequiredService<UcpOperations>();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Checkouts_and_idempotency_keys_belong_to_their_tenant()
    {
        const string body = """{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}]}""";
        var key = Guid.NewGuid().ToString();

        var first = await _operations.CreateCheckoutAsync(Call("store-a", body, key), Ct);
        var id = JsonNode.Parse(first.Body.Span)!["id"]!.GetValue<string>();
        var sameKeyOtherTenant = await _operations.CreateCheckoutAsync(Call("store-b", body, key), Ct);
        var readByOther = await _operations.GetCheckoutAsync(Call("store-b", body: null, key: null), id, Ct);
        var readByOwner = await _operations.GetCheckoutAsync(Call("store-a", body: null, key: null), id, Ct);

        Assert.Equal(201, first.StatusCode);
        // The same key under another tenant is a new request, not a replay of store-a's answer.
        Assert.False(sameKeyOtherTenant.IsReplay);
        Assert.NotEqual(id, JsonNode.Parse(sameKeyOtherTenant.Body.Span)!["id"]!.GetValue<string>());
        Assert.Equal((UcpOutcomeKind.BusinessError, "not_found"), (readByOther.Kind, JsonNode.Parse(readByOther.Body.Span)!["messages"]![0]!["code"]!.GetValue<string>()));
        Assert.Equal(UcpOutcomeKind.Resource, readByOwner.Kind);
    }

    private static UcpCall Call(string tenant, string? body, string? key) => new()
    {
        BaseUrl = new Uri("https://merchant.example/"),
        UcpAgent = "profile=\"https://platform.example/profile\"",
        Body = body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(body),
        IdempotencyKey = key,
        Caller = new ClaimsPrincipal(new ClaimsIdentity([new Claim("tenant", tenant)], "test")),
    };

    /// <summary>Reads the tenant from the caller, as an authenticated multi-store host would.</summary>
    private sealed class ClaimTenantResolver : ITenantResolver
    {
        public ValueTask<UcpTenant> ResolveAsync(UcpCall ucpCall, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new UcpTenant { Id = ucpCall.Caller!.FindFirst("tenant")!.Value });
    }
}
