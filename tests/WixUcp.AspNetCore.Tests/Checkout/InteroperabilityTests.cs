using System.Net;
using System.Text.Json.Nodes;
using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Checkout;

/// <summary>Requests as platforms send them in the field, answered with business outcomes (every document schema-checked).</summary>
public sealed class InteroperabilityTests(UcpFixture fixture) : IClassFixture<UcpFixture>
{
    [Fact]
    public async Task A_quantity_beyond_the_maximum_is_clamped_with_a_warning_not_refused()
    {
        // The schema allows any integer of at least 1; the default maximum is 10000.
        var created = await Checkouts.CreateAsync(fixture.Client(), """{"line_items":[{"item":{"id":"cup_porcelain"},"quantity":99999999999}],"buyer":{"email":"grace@example.com"}}""");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(10000, created.Json["line_items"]![0]!["quantity"]!.GetValue<int>());
        Assert.Contains(Checkouts.Messages(created.Json), m => m == ("quantity_adjusted", "$.line_items[0].quantity", "warning"));
    }

    [Fact]
    public async Task A_saved_address_sent_back_with_an_empty_id_keeps_its_saved_id()
    {
        var client = fixture.Client();
        var created = (await Checkouts.CreateAsync(client, Checkouts.Create())).Json;
        var id = created["id"]!.GetValue<string>();
        var offered = created["fulfillment"]!["methods"]![0]!["destinations"]!.AsArray().First(d => d!["id"]!.GetValue<string>() == "addr_ada_work")!;

        // The platform echoes the address it was offered, with "id": "" as several platforms do.
        var address = offered.DeepClone().AsObject();
        address["id"] = "";
        var extra = new JsonObject
        {
            ["fulfillment"] = new JsonObject { ["methods"] = new JsonArray(new JsonObject { ["type"] = "shipping", ["destinations"] = new JsonArray(address) }) },
        };
        var body = Checkouts.Update(created, extra.ToJsonString());
        var updated = (await Checkouts.UpdateAsync(client, id, body)).Json;

        var method = updated["fulfillment"]!["methods"]![0]!;
        Assert.Equal(["addr_ada_work"], method["destinations"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()));
        Assert.Equal("addr_ada_work", method["selected_destination_id"]!.GetValue<string>());
    }
}
