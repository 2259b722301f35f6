using System.Globalization;
using StackExchange.Redis;

namespace WixUcp.Redis.Connection;

/// <summary>Reads <c>redis://</c> and <c>rediss://</c> URLs (the form hosting platforms hand out) into client settings.</summary>
internal static class RedisUrl
{
    public static ConfigurationOptions Parse(string value)
    {
        if (!value.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigurationOptions.Parse(value);
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host))
        {
            throw new FormatException("The Redis URL is not of the form redis://[user:password@]host:port[/database].");
        }

        var options = new ConfigurationOptions { Ssl = url.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase) };
        options.EndPoints.Add(url.Host, url.IsDefaultPort ? 6379 : url.Port);
        if (url.UserInfo.Length > 0)
        {
            var parts = url.UserInfo.Split(':', 2);
            var user = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                options.User = user.Length > 0 ? user : null;
                options.Password = Uri.UnescapeDataString(parts[1]);
            }
            else
            {
                options.Password = user;
            }
        }

        var database = url.AbsolutePath.Trim('/');
        if (database.Length > 0)
        {
            options.DefaultDatabase = int.Parse(database, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return options;
    }
}
