using System.Text.Json.Nodes;

namespace WixUcp.Commerce;

/// <summary>A payment handler the business advertises.</summary>
public sealed record PaymentHandlerDescriptor
{
    /// <summary>Reverse-domain handler name (the registry key in the profile).</summary>
    public required string Name { get; init; }

    /// <summary>Instance id that instruments reference as <c>handler_id</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The handler specification's version; null to let the codec stamp the negotiated protocol version.</summary>
    public string? Version { get; init; }

    /// <summary>Where the handler is specified.</summary>
    public Uri? Spec { get; init; }

    /// <summary>The JSON schema of the handler's configuration.</summary>
    public Uri? Schema { get; init; }

    /// <summary>The handler's public configuration, as published in the profile.</summary>
    public JsonObject? Config { get; init; }

    /// <summary>Instrument types accepted (empty means every type of the handler).</summary>
    public IReadOnlyList<string> InstrumentTypes { get; init; } = [];
}
