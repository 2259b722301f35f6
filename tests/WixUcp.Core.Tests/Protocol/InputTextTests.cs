using WixUcp.Protocol;

namespace WixUcp.Core.Tests.Protocol;

public sealed class InputTextTests
{
    [Fact]
    public void Text_is_trimmed_and_NFC_normalised()
    {
        // "Ade\u0301le": e + combining acute, as some keyboards and platforms send it.
        Assert.Equal("Ad\u00e9le", InputText.Clean("  Ade\u0301le \t"));
        Assert.Null(InputText.Clean(null));
        Assert.Equal("", InputText.Clean("   "));
    }

    [Theory]
    [InlineData("ada@example.com", "ada@example.com")]
    [InlineData("  ada.lovelace+tea@mail.example.co.uk ", "ada.lovelace+tea@mail.example.co.uk")]
    public void Good_emails_are_kept_trimmed(string input, string expected) => Assert.Equal(expected, InputText.Email(input, "$.buyer.email"));

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("Ada <ada@example.com>")]
    [InlineData("ada@localhost")]
    [InlineData("ada@@example.com")]
    [InlineData("a b@example.com")]
    public void Bad_emails_name_the_member(string input)
    {
        var error = Assert.Throws<UcpRequestException>(() => InputText.Email(input, "$.buyer.email"));
        Assert.Equal("$.buyer.email", error.WirePath);
    }

    [Fact]
    public void An_overlong_email_is_refused() =>
        Assert.Throws<UcpRequestException>(() => InputText.Email(new string('a', 250) + "@example.com", "$.buyer.email"));

    [Theory]
    [InlineData("US", "US")]
    [InlineData("gb", "GB")]
    public void Country_codes_are_read_in_upper_case(string input, string expected) => Assert.Equal(expected, InputText.Country(input, "$.context.address_country"));

    [Theory]
    [InlineData("USA")]
    [InlineData("U1")]
    [InlineData("Ü S")]
    public void Bad_country_codes_name_the_member(string input) =>
        Assert.Equal("$.context.address_country", Assert.Throws<UcpRequestException>(() => InputText.Country(input, "$.context.address_country")).WirePath);

    [Fact]
    public void Currency_codes_and_language_tags_are_checked()
    {
        Assert.Equal("EUR", InputText.Currency("eur", "$.context.currency"));
        Assert.Throws<UcpRequestException>(() => InputText.Currency("EURO", "$.context.currency"));
        Assert.Equal("en-US", InputText.Language("en-US", "$.context.language"));
        Assert.Throws<UcpRequestException>(() => InputText.Language("english please", "$.context.language"));
    }
}
