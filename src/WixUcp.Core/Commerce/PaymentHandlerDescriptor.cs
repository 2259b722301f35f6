using System.Text.Json.Nodes;

namespace WixUcp.Commerce;

/// <summary>A payment handler the business advertises.</summary>
/// <param name="Name">Reverse-domain handler name (the registry key).</param>
/// <param name="Id">Instance id that instruments reference as <c>handler_id</c>.</param>
public sealed record PaymentHandlerDescriptor(string Name, string Id, string Version)
{
    public Uri? Spec { get; init; }
    public Uri? Schema { get; init; }
    public JsonObject? Config { get; init; }

    /// <summary>Instrument types accepted (empty means every type of the handler).</summary>
    public IReadOnlyList<string> InstrumentTypes { get; init; } = [];
}
