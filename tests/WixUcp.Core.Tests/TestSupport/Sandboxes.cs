using Microsoft.Extensions.Options;
using WixUcp.Sandbox;

namespace WixUcp.Core.Tests.TestSupport;

internal static class Sandboxes
{
    public static SandboxBackend Open(string directory) =>
        new(Options.Create(new SandboxOptions { DataDirectory = directory }), new SandboxPaymentChallenges());

    public static SandboxBackend SampleHost() => Open(TestData.SampleHostDataset);

    public static SandboxBackend FlowerShop() => Open(TestData.FlowerShopDataset());
}
