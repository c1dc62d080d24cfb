using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// Minimal start: listens on 127.0.0.1, prints one JSON line with the endpoint and generated keys.
// The emulated endpoints come with the sandbox issue.
int port = 0;
int? parentPid = null;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--port": port = int.Parse(args[i + 1]); break;
        case "--parent-pid": parentPid = int.Parse(args[i + 1]); break;
    }
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
var app = builder.Build();
app.MapGet("/", () => "Pandapon sandbox");
await app.StartAsync();

string endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.Out.WriteLine(JsonSerializer.Serialize(new { endpoint, accessKey = "sandbox-access-key", secretKey = "sandbox-secret-key", userId = "2100000000001" }));
Console.Out.Flush();

if (parentPid is int pid)
{
    _ = Task.Run(async () =>
    {
        try { await Process.GetProcessById(pid).WaitForExitAsync(); } catch (ArgumentException) { }
        await app.StopAsync();
    });
}
await app.WaitForShutdownAsync();
