using WixUcp.Wix;

namespace WixUcp.Core.Tests.Wix;

/// <summary>Wix's decimal money in UCP minor units, by each currency's ISO 4217 exponent.</summary>
public sealed class WixMoneyTests
{
    [Theory]
    [InlineData("18.00", "USD", 1800L)]
    [InlineData("24.5", "USD", 2450L)]
    [InlineData("2500", "JPY", 2500L)]
    [InlineData("2500.00", "JPY", 2500L)]
    [InlineData("1.234", "BHD", 1234L)]
    [InlineData("0.005", "EUR", 0L)]
    [InlineData("0.015", "EUR", 2L)]
    [InlineData("-5.00", "USD", -500L)]
    public void Decimal_strings_become_minor_units_by_the_currency_exponent(string amount, string currency, long expected) =>
        Assert.Equal(expected, WixMoney.ToMinorUnits(amount, currency));

    [Theory]
    [InlineData("")]
    [InlineData("1,000.00")]
    [InlineData("1e3")]
    [InlineData("$18")]
    [InlineData(null)]
    public void Anything_but_a_plain_decimal_is_refused(string? amount) =>
        Assert.Null(WixMoney.ToMinorUnits(amount, "USD"));

    [Theory]
    [InlineData(1850L, "USD", "18.50")]
    [InlineData(2500L, "JPY", "2500")]
    [InlineData(1234L, "KWD", "1.234")]
    public void Minor_units_go_back_as_the_decimal_strings_wix_takes(long minor, string currency, string expected) =>
        Assert.Equal(expected, WixMoney.ToDecimalString(minor, currency));
}
