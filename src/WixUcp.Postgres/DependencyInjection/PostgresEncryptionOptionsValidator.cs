using Microsoft.Extensions.Options;
using WixUcp.Encryption;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>With PostgreSQL and the configured keys, secret columns need a current key-encryption key.</summary>
internal sealed class PostgresEncryptionOptionsValidator(IServiceProvider services) : IValidateOptions<EncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, EncryptionOptions options)
    {
        // A KMS-backed provider holds its own keys.
        var configured = services.GetService<IKeyEncryptionKeyProvider>() is ConfiguredKeyEncryptionKeyProvider;
        return configured && string.IsNullOrWhiteSpace(options.CurrentKeyId)
            ? ValidateOptionsResult.Fail("PostgreSQL stores encrypt secrets: set WixUcp:Encryption:CurrentKeyId and WixUcp:Encryption:Keys:<id> (a base64 32-byte key, e.g. `openssl rand -base64 32`).")
            : ValidateOptionsResult.Success;
    }
}
