using Microsoft.Extensions.Options;

namespace WixUcp.Postgres;

/// <summary>Keys stored in PostgreSQL outlive the process, so the pepper they are hashed under must too.</summary>
internal sealed class PostgresApiKeyPepperValidator : IValidateOptions<WixUcpOptions>
{
    public ValidateOptionsResult Validate(string? name, WixUcpOptions options) =>
        options.Auth.Enabled && string.IsNullOrWhiteSpace(options.Auth.ApiKeyPepper)
            ? ValidateOptionsResult.Fail("API keys are stored in PostgreSQL: set WixUcp:Auth:ApiKeyPepper (at least 32 bytes, e.g. `openssl rand -base64 48`), the same on every replica and for the keys verbs.")
            : ValidateOptionsResult.Success;
}
