namespace WixUcp.FakeWix.Catalog;

/// <summary>The seeded instances: <c>fake-instance-1</c> (site-1, USD, Catalog V3) and <c>fake-instance-2</c> (site-2, JPY, Catalog V1).</summary>
internal static class SeedData
{
    public static IEnumerable<FakeWixInstance> Instances(DateTimeOffset now)
    {
        yield return V3Site(now);
        yield return V1Site(now);
    }

    private static FakeWixInstance V3Site(DateTimeOffset now)
    {
        var site = new FakeWixInstance
        {
            InstanceId = "fake-instance-1",
            SiteId = "site-1",
            SiteDisplayName = "Fake Mug Shop",
            Currency = "USD",
            CatalogVersion = "V3_CATALOG",
            SiteUrl = new Uri("https://fake-wix.example/mug-shop"),
        };

        var mug = Product("prod-mug", "Ceramic Mug", "ceramic-mug", 18.00m, now, 0);
        mug.Description = "Stoneware mug, 350 ml.";
        mug.CompareAtPrice = 22.00m;
        mug.MainImageUrl = "https://static.wixstatic.com/media/mug.jpg";
        mug.Options.Add(Option("opt-color", "Color", "White", "Black"));
        mug.Variants.Add(Variant("var-mug-white", "MUG-W", 25, ("Color", "White")));
        mug.Variants.Add(Variant("var-mug-black", "MUG-B", 0, ("Color", "Black")));
        mug.ManageVariants = true;

        var tote = Product("prod-tote", "Linen Tote Bag", "linen-tote", 24.50m, now, 1);
        tote.Description = "Natural linen, long handles.";
        tote.Variants.Add(Variant("var-tote", "TOTE-1", 10));

        var beans = Product("prod-beans", "Espresso Beans 250g", "espresso-beans", 12.00m, now, 2);
        beans.Description = "Dark roast whole beans.";
        beans.Variants.Add(Variant("var-beans", "BEANS-250", 100));

        var hidden = Product("prod-hidden", "Staff Sample", "staff-sample", 1.00m, now, 3);
        hidden.Visible = false;
        hidden.Description = "Not for sale.";
        hidden.Variants.Add(Variant("var-hidden", "STAFF-1", 5));

        site.Products.AddRange([mug, tote, beans, hidden]);
        site.Coupons.Add(new FakeWixCoupon { Id = "coupon-wix10-usd", Code = "WIX10", Name = "10% off", PercentOff = 10 });
        site.ShippingOptions.Add(Shipping("standard", "Standard", 5.00m, "3-5 days", "US"));
        site.ShippingOptions.Add(Shipping("express", "Express", 15.00m, "1-2 days", "US"));
        return site;
    }

    private static FakeWixInstance V1Site(DateTimeOffset now)
    {
        var site = new FakeWixInstance
        {
            InstanceId = "fake-instance-2",
            SiteId = "site-2",
            SiteDisplayName = "Fake Tea House",
            Currency = "JPY",
            CatalogVersion = "V1_CATALOG",
            Locale = "ja",
            SiteUrl = new Uri("https://fake-wix.example/tea-house"),
        };

        var whisk = Product("v1-whisk", "Matcha Whisk", "matcha-whisk", 2500m, now, 0);
        whisk.Description = "Bamboo chasen, 100 prongs.";
        whisk.Sku = "WHISK-100";
        whisk.MainImageUrl = "https://static.wixstatic.com/media/whisk.jpg";
        whisk.Variants.Add(Variant("00000000-0000-0000-0000-000000000000", "WHISK-100", 8));

        var bowl = Product("v1-bowl", "Tea Bowl", "tea-bowl", 4800m, now, 1);
        bowl.Description = "Hand-thrown chawan.";
        bowl.Sku = "BOWL";
        bowl.ManageVariants = true;
        bowl.Options.Add(Option("glaze", "Glaze", "Celadon", "Tenmoku"));
        bowl.Variants.Add(Variant("7b1d3c2e-4f5a-4b6c-8d7e-9f0a1b2c3d41", "BOWL-CEL", 6, ("Glaze", "Celadon")));
        bowl.Variants.Add(Variant("7b1d3c2e-4f5a-4b6c-8d7e-9f0a1b2c3d42", "BOWL-TEN", 3, ("Glaze", "Tenmoku")));

        site.Products.AddRange([whisk, bowl]);
        site.Coupons.Add(new FakeWixCoupon { Id = "coupon-wix10-jpy", Code = "WIX10", Name = "10% off", PercentOff = 10 });
        site.ShippingOptions.Add(Shipping("standard", "Standard", 800m, "3-7 days", "JP", "US"));
        return site;
    }

    private static FakeWixProduct Product(string id, string name, string slug, decimal price, DateTimeOffset now, int order) => new()
    {
        Id = id,
        Name = name,
        Slug = slug,
        Price = price,
        CreatedDate = now.AddMinutes(order - 60),
        UpdatedDate = now.AddMinutes(order - 60),
    };

    private static FakeWixProductOption Option(string id, string name, params string[] choices)
    {
        var option = new FakeWixProductOption { Id = id, Name = name };
        option.Choices.AddRange(choices);
        return option;
    }

    private static FakeWixVariant Variant(string id, string sku, int quantity, params (string Option, string Choice)[] choices)
    {
        var variant = new FakeWixVariant { Id = id, Sku = sku, Quantity = quantity };
        foreach (var (option, choice) in choices)
        {
            variant.Choices[option] = choice;
        }

        return variant;
    }

    private static FakeWixShippingOption Shipping(string code, string title, decimal price, string deliveryTime, params string[] countries)
    {
        var option = new FakeWixShippingOption { Code = code, Title = title, Price = price, DeliveryTime = deliveryTime };
        option.Countries.UnionWith(countries);
        return option;
    }
}
