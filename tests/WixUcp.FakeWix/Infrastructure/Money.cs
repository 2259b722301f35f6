using System.Globalization;
using System.Text.Json.Nodes;

namespace WixUcp.FakeWix.Infrastructure;

/// <summary>Money as Wix writes it: decimal strings in eCommerce and V3, numbers in Stores V1.</summary>
internal static class Money
{
    public static int Digits(string currency) => currency is "JPY" or "KRW" or "CLP" or "VND" or "ISK" ? 0 : 2;

    public static decimal Round(decimal value, string currency) =>
        Math.Round(value, Digits(currency), MidpointRounding.AwayFromZero);

    /// <summary>"18.00" for USD, "2500" for JPY.</summary>
    public static string Amount(decimal value, string currency) =>
        Round(value, currency).ToString(Digits(currency) == 0 ? "0" : "0.00", CultureInfo.InvariantCulture);

    /// <summary>"$18.00", "¥2,500".</summary>
    public static string Formatted(decimal value, string currency)
    {
        var number = Round(value, currency).ToString(Digits(currency) == 0 ? "#,##0" : "#,##0.00", CultureInfo.InvariantCulture);
        return currency switch
        {
            "USD" => "$" + number,
            "JPY" => "¥" + number,
            "EUR" => "€" + number,
            "GBP" => "£" + number,
            _ => number + " " + currency,
        };
    }

    /// <summary>eCommerce checkout money: amount, convertedAmount, formattedAmount, formattedConvertedAmount.</summary>
    public static JsonObject Multi(decimal value, string currency) => new()
    {
        ["amount"] = Amount(value, currency),
        ["convertedAmount"] = Amount(value, currency),
        ["formattedAmount"] = Formatted(value, currency),
        ["formattedConvertedAmount"] = Formatted(value, currency),
    };

    /// <summary>Order and V3 money: amount and formattedAmount.</summary>
    public static JsonObject Simple(decimal value, string currency) => new()
    {
        ["amount"] = Amount(value, currency),
        ["formattedAmount"] = Formatted(value, currency),
    };

    /// <summary>A Stores V1 number: 18 rather than 18.00, 2500, 24.5.</summary>
    public static JsonNode Number(decimal value) => JsonValue.Create(value / 1.0000000000000000000000000000m);

    /// <summary>Parses a decimal string amount; anything else answers 400 naming <paramref name="field"/>.</summary>
    public static decimal Parse(string? amount, string field) =>
        decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw WixErrors.BadRequest(field, "must be a non-negative decimal string");
}
