using System.Net;
using Microsoft.AspNetCore.Hosting;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Checkout;

/// <summary>
/// The sample host pointed at the official UCP samples' dataset (read in place from ../shared/ucp-testdata):
/// datasets in that layout work without conversion.
/// </summary>
public sealed class FlowerShopDatasetTests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    private const string DataVariable = "WIXUCP_UCP_TESTDATA";

    [Fact]
    public async Task A_checkout_over_the_official_sample_dataset_completes()
    {
        var dataset = FlowerShop();
        await using var app = fixture.App.WithWebHostBuilder(b => b.UseSetting("WixUcp:Sandbox:DataDirectory", dataset));
        var client = new UcpClient(app.CreateClient(), fixture.Platform.Agent());

        var created = (await Checkouts.CreateAsync(client, Checkouts.Create("pot_ceramic", 2, "john.doe@example.com"))).Json;
        var id = created["id"]!.GetValue<string>();
        Assert.Equal(["addr_1", "addr_2"], created["fulfillment"]!["methods"]![0]!["destinations"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()));

        var withAddress = (await Checkouts.UpdateAsync(client, id, Checkouts.Update(created, """{"fulfillment":{"methods":[{"type":"shipping","selected_destination_id":"addr_1"}]}}"""))).Json;
        Assert.Equal(
            ["std-ship", "exp-ship-us"],
            withAddress["fulfillment"]!["methods"]![0]!["groups"]![0]!["options"]!.AsArray().Select(o => o!["id"]!.GetValue<string>()));

        var ready = (await Checkouts.UpdateAsync(client, id, Checkouts.Update(withAddress,
            """{"fulfillment":{"methods":[{"type":"shipping","groups":[{"id":"fg_1","selected_option_id":"std-ship"}]}]},"discounts":{"codes":["10OFF","WELCOME20"]}}"""))).Json;

        // 2 x 1500 = 3000; 10OFF takes 300, WELCOME20 takes 20% of the remaining 2700 = 540; standard shipping 500.
        Assert.Equal([-300L, -540L], ready["totals"]!.AsArray().Where(t => t!["type"]!.GetValue<string>() == "discount").Select(t => t!["amount"]!.GetValue<long>()));
        Assert.Equal(3000 - 300 - 540 + 500, Checkouts.TotalOf(ready, "total"));
        Assert.Equal("ready_for_complete", ready["status"]!.GetValue<string>());

        var completed = (await Checkouts.CompleteAsync(client, id, Checkouts.Complete("success_token"))).Json;
        Assert.Equal("completed", completed["status"]!.GetValue<string>());

        var soldOut = (await Checkouts.CreateAsync(client, Checkouts.Create("gardenias", 1, "john.doe@example.com"))).Json;
        Assert.Contains(Checkouts.Messages(soldOut), m => m is { Code: "out_of_stock", Path: "$.line_items[0]" });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/ucp/checkout-sessions/{id}")).Status);
    }

    private static string FlowerShop()
    {
        var dataset = Path.Combine(SharedData.Folder(DataVariable, "ucp-testdata") ?? "", "flower_shop");
        if (!File.Exists(Path.Combine(dataset, "products.csv")))
        {
            SharedData.Unavailable($"The official sample dataset was not found at '{dataset}'; set {DataVariable} to the folder that holds flower_shop/.");
        }

        return dataset;
    }
}
