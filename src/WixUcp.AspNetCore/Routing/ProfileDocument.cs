using WixUcp.Codec;
using WixUcp.Commerce;

namespace WixUcp.AspNetCore.Routing;

/// <summary>
/// The business profile bytes. The profile depends only on the base URL, so the last one is kept: with a configured
/// public URL it is built once; a host-derived URL that changes rebuilds it (one entry, so Host headers cannot grow it).
/// </summary>
internal sealed class ProfileDocument(ICheckoutBackend backend)
{
    // A reference, so readers never see one request's key with another's body.
    private Entry? _last;

    public byte[] For(Uri restEndpoint)
    {
        var key = restEndpoint.AbsoluteUri;
        if (_last is { } last && last.RestEndpoint == key)
        {
            return last.Body;
        }

        var body = UcpCodecs.Current.WriteProfile(restEndpoint, backend.PaymentHandlers);
        _last = new Entry(key, body);
        return body;
    }

    private sealed record Entry(string RestEndpoint, byte[] Body);
}
