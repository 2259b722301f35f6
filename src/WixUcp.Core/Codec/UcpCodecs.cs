using WixUcp.Codec.V20260408;

namespace WixUcp.Codec;

/// <summary>The codec for each protocol version this server speaks.</summary>
internal static class UcpCodecs
{
    public static IUcpCodec Current { get; } = new Codec20260408();

    public static IUcpCodec For(string version) =>
        version == Current.Version ? Current : throw new ArgumentOutOfRangeException(nameof(version), version, "No codec for this protocol version.");
}
