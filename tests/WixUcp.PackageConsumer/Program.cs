// Composes the packed WixUcp.AspNetCore package the way its README shows; ./test.sh only builds this.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddWixUcp().AddSandboxStore(o => o.DataDirectory = "data").AddUcpAuthentication();
var app = builder.Build();
app.MapWixUcp();
app.Run();
