using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WixUcp.AspNetCore.Tests.Infrastructure;
using WixUcp.Diagnostics;

namespace WixUcp.AspNetCore.Tests.Mcp;

/// <summary>Each tool call is one operation to metrics and traces (labelled with its transport) and one request to request ids.</summary>
public sealed class McpObservabilityTests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    [Fact]
    public async Task A_tool_call_is_measured_as_its_operation_over_mcp_and_echoes_the_request_id()
    {
        var factory = fixture.App.Services.GetRequiredService<IMeterFactory>();
        var recorded = new ConcurrentQueue<Dictionary<string, object?>>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == WixUcpDiagnostics.MeterName && instrument.Meter.Scope == factory && instrument.Name == "wixucp.operation.duration")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            var labels = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                labels[tag.Key] = tag.Value;
            }

            recorded.Enqueue(labels);
        });
        listener.Start();

        var caller = new McpCaller(fixture.App.CreateClient(), fixture.Platform.ProfileUrl(FakePlatform.AllCapabilities));
        caller.Headers["X-Request-ID"] = "mcp-trace-0001";
        var response = await caller.CallAsync("search_catalog", new() { ["catalog"] = new JsonObject { ["query"] = "tea" } });
        var rest = await fixture.Client().PostAsync("/ucp/catalog/search", """{"query":"tea"}""", idempotencyKey: null);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        Assert.Equal("mcp-trace-0001", response.Headers["X-Request-ID"]);
        Assert.Equal(System.Net.HttpStatusCode.OK, rest.Status);
        Assert.Contains(recorded, r => Equals(r["ucp.operation"], "search_catalog") && Equals(r["ucp.transport"], "mcp") && Equals(r["http.status_class"], "2xx"));
        Assert.Contains(recorded, r => Equals(r["ucp.operation"], "search_catalog") && Equals(r["ucp.transport"], "rest"));
    }
}
