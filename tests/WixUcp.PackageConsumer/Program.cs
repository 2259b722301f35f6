// Composes the packed WixUcp.AspNetCore package the way its README shows; ./test.sh only builds this.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddWixUcp().AddSandboxStore(o => o.DataDirectory = "data").AddUcpAuthentication().AddUcpRateLimiting();
var app = builder.Build();
app.UseUcpRequestContext();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.MapWixUcp();
app.MapUcpHealthChecks();
app.Run();
