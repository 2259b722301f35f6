using Microsoft.Extensions.Options;
using WixUcp;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Checks <see cref="WixUcpOptions.Webhooks"/> at start-up, each failure naming the setting to change: a value the
/// dispatcher cannot work with (no concurrency, an empty batch, a lease that lapses before an attempt ends) would
/// otherwise hang it or deliver twice, silently.
/// </summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WixUcpOptions>
{
    private const string Section = "WixUcp:Webhooks:";

    public ValidateOptionsResult Validate(string? name, WixUcpOptions options)
    {
        var webhooks = options.Webhooks;
        var failures = new List<string>();
        if (webhooks.MaxAttempts < 1)
        {
            failures.Add($"{Section}MaxAttempts must be at least 1 (default 12).");
        }

        if (webhooks.InitialDelay <= TimeSpan.Zero || webhooks.MaxDelay < webhooks.InitialDelay)
        {
            failures.Add($"{Section}InitialDelay must be positive and no longer than {Section}MaxDelay (defaults 00:00:10 and 01:00:00).");
        }

        if (webhooks.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}RequestTimeout must be positive (default 00:00:10).");
        }

        // SemaphoreSlim(0) would never let an attempt start.
        if (webhooks.MaxConcurrencyPerTarget < 1)
        {
            failures.Add($"{Section}MaxConcurrencyPerTarget must be at least 1 (default 4).");
        }

        if (webhooks.BatchSize < 1)
        {
            failures.Add($"{Section}BatchSize must be at least 1 (default 32).");
        }

        if (webhooks.PollInterval <= TimeSpan.Zero || webhooks.PollInterval > TimeSpan.FromDays(1))
        {
            failures.Add($"{Section}PollInterval must be between 00:00:00.001 and 1.00:00:00 (default 00:00:01).");
        }

        // A claim that lapses while its attempt is still running lets another dispatcher send the delivery again.
        if (webhooks.ClaimLease <= webhooks.PollInterval || webhooks.ClaimLease <= webhooks.RequestTimeout)
        {
            failures.Add($"{Section}ClaimLease must be longer than {Section}PollInterval and {Section}RequestTimeout (default 00:02:00).");
        }

        if (webhooks.MaxStoredDeliveries < 1)
        {
            failures.Add($"{Section}MaxStoredDeliveries must be at least 1 (default 100000).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
