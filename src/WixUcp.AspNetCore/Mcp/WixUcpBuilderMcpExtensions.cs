using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using WixUcp.AspNetCore.Mcp;
using WixUcp.Operations;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the UCP shopping service's MCP binding.</summary>
public static class WixUcpBuilderMcpExtensions
{
    /// <summary>
    /// Adds the UCP tools (<c>create_checkout</c>, <c>get_checkout</c>, <c>update_checkout</c>, <c>complete_checkout</c>,
    /// <c>cancel_checkout</c>, <c>create_cart</c>, <c>get_cart</c>, <c>update_cart</c>, <c>cancel_cart</c>, <c>search_catalog</c>, <c>lookup_catalog</c>, <c>get_product</c>, <c>get_order</c>, and
    /// <c>search_products</c>) on the MCP C# SDK's server in stateless Streamable HTTP mode. <c>MapWixUcp()</c> then
    /// serves them at <c>POST {prefix}/mcp</c> and the business profile advertises that endpoint. Every tool call runs
    /// the same operation REST runs, with the same authentication, permissions, budgets, idempotency, logs and metrics.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddWixUcp()</c>.</param>
    /// <returns>The same builder.</returns>
    public static IWixUcpBuilder AddUcpMcp(this IWixUcpBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(UcpMcpMarker)))
        {
            return builder;
        }

        services.AddSingleton<UcpMcpMarker>();
        services.AddHttpContextAccessor();
        services.AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "wixucp", Version = typeof(UcpOperations).Assembly.GetName().Version?.ToString(3) ?? "1.0.0" };
                options.ServerInstructions = "UCP shopping service: search the catalog, run checkouts and read orders. Every call carries meta.ucp-agent.profile.";
            })
            .WithHttpTransport(options => options.Stateless = true);
        foreach (var definition in UcpMcpTools.Definitions)
        {
            services.AddSingleton<McpServerTool>(provider => UcpMcpTools.Create(provider.GetRequiredService<UcpOperations>(), definition));
        }

        return builder;
    }
}
