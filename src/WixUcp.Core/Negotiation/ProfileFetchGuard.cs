using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace WixUcp.Negotiation;

/// <summary>
/// Keeps platform-profile fetches to the public internet (SSRF): the host name is resolved here, every address is
/// checked, and the connection goes to an address that was checked, so a second resolution cannot swap in another.
/// Loopback, private, link-local (cloud metadata at 169.254.169.254 among them), unique-local, carrier-grade NAT,
/// multicast, broadcast and unspecified addresses are refused, as are ports other than 443 unless configured. The
/// development option for loopback profiles allows loopback addresses on any port, and nothing else.
/// </summary>
internal sealed class ProfileFetchGuard(IOptions<WixUcpOptions> options)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value.Negotiation;
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);

        // A name with any address that may not be reached is refused as a whole: no partial trust in DNS answers.
        if (addresses.Length == 0 || !addresses.All(a => MayConnect(a, port, settings)))
        {
            throw new HttpRequestException("The platform profile's address is not allowed.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    internal static bool MayConnect(IPAddress address, int port, NegotiationOptions settings)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return settings.AllowInsecureLoopbackProfiles;
        }

        return IsPublic(address) && (port == 443 || settings.AllowedProfilePorts.Contains(port));
    }

    /// <summary>True for globally routable unicast addresses.</summary>
    internal static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0                                   // 0.0.0.0/8 "this network"
                || b[0] == 10                                    // 10.0.0.0/8
                || b[0] == 127                                   // loopback
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)    // 100.64.0.0/10 carrier-grade NAT
                || (b[0] == 169 && b[1] == 254)                  // link-local, cloud metadata
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)     // 172.16.0.0/12
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)       // 192.0.0.0/24 protocol assignments
                || (b[0] == 192 && b[1] == 168)                  // 192.168.0.0/16
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))   // 198.18.0.0/15 benchmarking
                || b[0] >= 224);                                 // multicast, reserved, broadcast
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback)
                || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC                         // fc00::/7 unique-local (fd00:ec2::254 metadata among them)
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8)  // 2001:db8::/32 documentation
                || (b[0] == 0 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B)     // 64:ff9b::/96 NAT64 (may reach IPv4 private)
                || address.IsIPv4MappedToIPv6);
        }

        return false;
    }
}
