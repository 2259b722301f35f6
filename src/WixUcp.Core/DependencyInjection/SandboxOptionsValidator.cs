using Microsoft.Extensions.Options;
using WixUcp.Sandbox;

namespace Microsoft.Extensions.DependencyInjection;

internal sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DataDirectory) || !File.Exists(Path.Combine(options.DataDirectory, "products.csv")))
        {
            return ValidateOptionsResult.Fail(
                $"WixUcp:Sandbox:DataDirectory ('{options.DataDirectory}') must name a folder holding products.csv (and optionally inventory.csv, discounts.csv, shipping_rates.csv, promotions.csv, customers.csv, addresses.csv).");
        }

        if (options.Currency is not { Length: 3 } || !options.Currency.All(char.IsAsciiLetterUpper))
        {
            return ValidateOptionsResult.Fail("WixUcp:Sandbox:Currency must be an ISO 4217 code such as USD.");
        }

        if (options.PlaceOrderLatency < TimeSpan.Zero || options.PlaceOrderLatency > TimeSpan.FromMinutes(1))
        {
            return ValidateOptionsResult.Fail("WixUcp:Sandbox:PlaceOrderLatency must be between 00:00:00 and 00:01:00.");
        }

        return ValidateOptionsResult.Success;
    }
}
