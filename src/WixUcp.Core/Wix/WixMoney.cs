using System.Globalization;

namespace WixUcp.Wix;

/// <summary>
/// Wix sends money as decimal strings (eCommerce, Stores V3) or numbers (Stores V1); UCP wants integer minor units,
/// scaled by the currency's ISO 4217 exponent (JPY has none, BHD three), never by a blind 100.
/// </summary>
internal static class WixMoney
{
    private static readonly HashSet<string> NoMinorUnit = new(StringComparer.OrdinalIgnoreCase)
    {
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    private static readonly HashSet<string> ThreeMinorUnits = new(StringComparer.OrdinalIgnoreCase) { "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND" };

    /// <summary>The number of decimal places of <paramref name="currency"/>.</summary>
    public static int Exponent(string currency) => NoMinorUnit.Contains(currency) ? 0 : ThreeMinorUnits.Contains(currency) ? 3 : 2;

    /// <summary>A decimal string (<c>"18.00"</c>, <c>"2500"</c>) in minor units; null when it is not a plain decimal.</summary>
    public static long? ToMinorUnits(string? amount, string currency) =>
        decimal.TryParse(amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) <= MaxAmount
            ? ToMinorUnits(value, currency)
            : null;

    // Far beyond any order (a trillion in major units), and safely inside a long once scaled.
    private const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>A decimal amount in minor units, rounded half to even past the currency's precision.</summary>
    public static long ToMinorUnits(decimal amount, string currency)
    {
        if (Math.Abs(amount) > MaxAmount)
        {
            throw new WixUcp.Commerce.CommerceBackendException("Wix answered an amount out of any plausible range.");
        }

        var scaled = amount;
        for (var i = 0; i < Exponent(currency); i++)
        {
            scaled *= 10;
        }

        return (long)decimal.Round(scaled, 0, MidpointRounding.ToEven);
    }

    /// <summary>Minor units as the decimal string Wix expects (<c>1850</c> USD is <c>"18.50"</c>).</summary>
    public static string ToDecimalString(long minorUnits, string currency)
    {
        var exponent = Exponent(currency);
        var value = (decimal)minorUnits;
        for (var i = 0; i < exponent; i++)
        {
            value /= 10;
        }

        return value.ToString("F" + exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
