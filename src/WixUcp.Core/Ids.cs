using System.Security.Cryptography;

namespace WixUcp;

/// <summary>Identifiers that cannot be guessed (a checkout id is the only handle on a session).</summary>
internal static class Ids
{
    public static string New(string prefix) => prefix + RandomNumberGenerator.GetHexString(32, lowercase: true);
}
