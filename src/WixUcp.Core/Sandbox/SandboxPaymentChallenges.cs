using Microsoft.Extensions.Caching.Memory;

namespace WixUcp.Sandbox;

/// <summary>
/// The sandbox's 3-D Secure challenges. Charging <see cref="SandboxTokens.RequiresAction"/> opens a challenge for the
/// checkout and escalates to the buyer; once the buyer confirms it (the sample host's checkout page calls
/// <see cref="Confirm"/>), the next completion with the same token is approved. Challenges live an hour, at most 10,000 at once.
/// </summary>
public sealed class SandboxPaymentChallenges : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly MemoryCache _challenges = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    /// <summary>Whether the checkout has a challenge waiting for the buyer.</summary>
    /// <param name="tenantId">The store.</param>
    /// <param name="checkoutId">The checkout.</param>
    /// <returns>True while a challenge is open and not yet confirmed.</returns>
    public bool IsPending(string tenantId, string checkoutId) =>
        _challenges.TryGetValue((tenantId, checkoutId), out bool confirmed) && !confirmed;

    /// <summary>The buyer confirms the open challenge of a checkout.</summary>
    /// <param name="tenantId">The store.</param>
    /// <param name="checkoutId">The checkout.</param>
    /// <returns>False when no challenge was open.</returns>
    public bool Confirm(string tenantId, string checkoutId)
    {
        if (!IsPending(tenantId, checkoutId))
        {
            return false;
        }

        Set(tenantId, checkoutId, confirmed: true);
        return true;
    }

    /// <inheritdoc/>
    public void Dispose() => _challenges.Dispose();

    /// <summary>True when the buyer confirmed; otherwise opens (or keeps) a challenge and returns false.</summary>
    internal bool PassOrChallenge(string tenantId, string checkoutId)
    {
        if (_challenges.TryGetValue((tenantId, checkoutId), out bool confirmed) && confirmed)
        {
            return true;
        }

        Set(tenantId, checkoutId, confirmed: false);
        return false;
    }

    private void Set(string tenantId, string checkoutId, bool confirmed) =>
        _challenges.Set((tenantId, checkoutId), confirmed, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
}
