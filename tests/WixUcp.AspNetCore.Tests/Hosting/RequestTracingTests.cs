using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Hosting;

/// <summary>
/// One request, followed through: its id is echoed, forwarded on the profile fetch it causes, and stamped on the
/// operation's activity, whose trace holds the profile fetch and the commerce backend calls.
/// </summary>
public sealed class RequestTracingTests : IAsyncLifetime
{
    private readonly UcpFixture _fixture = new();
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ActivityListener _listener;

    public RequestTracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "WixUcp",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _fixture.DisposeAsync();
    }

    [Fact]
    public async Task A_request_id_is_echoed_forwarded_to_the_platform_and_stamped_on_its_trace()
    {
        var created = await Checkouts.CreateAsync(_fixture.Client(), Checkouts.Create());
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var requestId = created.Header("X-Request-ID");
        Assert.False(string.IsNullOrEmpty(requestId));

        // The profile fetch this request caused carried its id.
        Assert.Contains(_fixture.Platform.FetchRequestIds, f => f.Profile == FakePlatform.AllCapabilities && f.RequestId == requestId);

        // The operation's activity names the request; its trace holds the outgoing calls.
        var operation = Assert.Single(_activities, a => a.OperationName == "create_checkout" && (string?)a.GetTagItem("ucp.request_id") == requestId);
        Assert.Equal(201, operation.GetTagItem("http.response.status_code"));
        var trace = _activities.Where(a => a.TraceId == operation.TraceId).Select(a => a.OperationName).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["profile fetch", "backend quote", "backend payment_handlers"], StringComparer.Ordinal), trace);
    }
}
