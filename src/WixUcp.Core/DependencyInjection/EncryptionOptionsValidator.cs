using Microsoft.Extensions.Options;
using WixUcp.Encryption;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Checks configured key-encryption keys at start-up: each must be a base64 32-byte key, and the current one must exist.</summary>
internal sealed class EncryptionOptionsValidator : IValidateOptions<EncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, EncryptionOptions options)
    {
        var failures = new List<string>();
        foreach (var (id, value) in options.Keys)
        {
            if (id.Length is 0 or > 64 || !IsKey(value))
            {
                failures.Add($"WixUcp:Encryption:Keys:{id} must be a base64-encoded 32-byte key (ids up to 64 characters); generate one with `openssl rand -base64 32`.");
            }
        }

        if (options.CurrentKeyId is not null && !options.Keys.ContainsKey(options.CurrentKeyId))
        {
            failures.Add($"WixUcp:Encryption:CurrentKeyId ('{options.CurrentKeyId}') must name a key under WixUcp:Encryption:Keys.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsKey(string value)
    {
        var buffer = new byte[48];
        return Convert.TryFromBase64String(value, buffer, out var written) && written == 32;
    }
}
