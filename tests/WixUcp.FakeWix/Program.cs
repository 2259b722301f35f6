using WixUcp.FakeWix;

// Standalone: dotnet run --project tests/WixUcp.FakeWix -- --urls http://127.0.0.1:5099
var (app, state) = FakeWixApp.Build(args, new FakeWixOptions(), loopbackAnyPort: false, quiet: false);
app.Lifetime.ApplicationStarted.Register(() =>
{
    Console.WriteLine($"Fake Wix listening on {string.Join(", ", app.Urls)}");
    Console.WriteLine($"  app id (client_id): {state.AppId}   app secret (client_secret): {state.AppSecret}");
    foreach (var instance in state.Instances.Values)
    {
        Console.WriteLine($"  instance_id {instance.InstanceId}: site {instance.SiteId}, {instance.Currency}, {instance.CatalogVersion}");
    }

    Console.WriteLine($"  API key: {state.ApiKey} (with wix-site-id: {state.ApiKeySiteId})");
    Console.WriteLine("  webhook public key:");
    Console.WriteLine(state.WebhookPublicKeyPem);
});
await app.RunAsync();
