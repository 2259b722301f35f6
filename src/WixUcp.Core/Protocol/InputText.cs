using System.Globalization;
using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;

namespace WixUcp.Protocol;

/// <summary>
/// Text members of a request as the domain keeps them: trimmed and in Unicode NFC (so equal text compares and stores
/// equal), and the formatted ones checked. Control characters never get here (<see cref="RequestGuard"/>).
/// </summary>
internal static partial class InputText
{
    private const int MaxEmailLength = 254;

    /// <summary>Trimmed and NFC-normalised; null stays null.</summary>
    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
    }

    /// <summary>An email address (addr-spec only, no display name), trimmed.</summary>
    public static string? Email(string? value, string path)
    {
        var email = Clean(value);
        if (string.IsNullOrEmpty(email))
        {
            return email;
        }

        if (email.Length > MaxEmailLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new UcpRequestException("This is not an email address.", path);
        }

        return email;
    }

    /// <summary>An ISO 3166-1 alpha-2 country code; lower case is read as upper case.</summary>
    public static string? Country(string? value, string path) => Code(value, path, CountryPattern(), "an ISO 3166-1 alpha-2 country code such as US");

    /// <summary>An ISO 4217 currency code; lower case is read as upper case.</summary>
    public static string? Currency(string? value, string path) => Code(value, path, CurrencyPattern(), "an ISO 4217 currency code such as USD");

    /// <summary>A BCP 47 language tag such as <c>en</c> or <c>en-US</c>.</summary>
    public static string? Language(string? value, string path)
    {
        var tag = Clean(value);
        if (string.IsNullOrEmpty(tag) || LanguagePattern().IsMatch(tag))
        {
            return tag;
        }

        throw new UcpRequestException("This is not a BCP 47 language tag such as en or en-US.", path);
    }

    private static string? Code(string? value, string path, Regex pattern, string expected)
    {
        var code = Clean(value);
        if (string.IsNullOrEmpty(code))
        {
            return code;
        }

        code = code.ToUpperInvariant();
        return pattern.IsMatch(code) ? code : throw new UcpRequestException(string.Create(CultureInfo.InvariantCulture, $"This is not {expected}."), path);
    }

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();
}
