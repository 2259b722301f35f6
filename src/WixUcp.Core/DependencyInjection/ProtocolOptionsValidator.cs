using Microsoft.Extensions.Options;
using WixUcp;
using WixUcp.Versions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Checks at start-up that <c>WixUcp:Protocol:Current</c> names a version this server speaks.</summary>
internal sealed class ProtocolOptionsValidator(IEnumerable<UcpProtocolVersion> versions) : IValidateOptions<WixUcpOptions>
{
    public ValidateOptionsResult Validate(string? name, WixUcpOptions options)
    {
        var current = options.Protocol.Current;
        var spoken = versions.Select(v => v.Version).Order(StringComparer.Ordinal).ToList();
        return current is null || spoken.Contains(current, StringComparer.Ordinal)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"WixUcp:Protocol:Current is {current}, which this server does not speak; set one of {string.Join(", ", spoken)}, or leave it unset for the newest.");
    }
}
