using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Pandapon.Sandbox;
using Pandapon.Sandbox.Callbacks;
using Pandapon.Sandbox.Data;
using Pandapon.Sandbox.Endpoints;
using Pandapon.Sandbox.Http;
using Pandapon.Sandbox.Taobao;

// The PandaPon sandbox: checks arguments, builds the refunds, listens on 127.0.0.1, prints one JSON line on
// stdout ({"endpoint","accessKey","secretKey","userId"}) and serves until stopped or its parent process ends.
// stdout carries that line and nothing else; everything else goes to stderr.

SandboxOptions options;
try
{
    options = SandboxOptions.Parse(args);
}
catch (UsageException e)
{
    Console.Error.WriteLine($"Pandapon.Sandbox: {e.Message}");
    Console.Error.WriteLine("Run with --help to see the options.");
    return 2;
}
if (options.ShowHelp)
{
    Console.Out.WriteLine(SandboxOptions.Usage);
    return 0;
}

Process? parent = null;
if (options.ParentPid is int parentPid)
{
    try
    {
        parent = Process.GetProcessById(parentPid);
    }
    catch (ArgumentException)
    {
        Console.Error.WriteLine($"Pandapon.Sandbox: --parent-pid '{parentPid}' is not a running process.");
        return 2;
    }
}

var store = new RefundStore(options.Seed, options.Refunds, options.Orders);
var taobaoStore = new TaobaoRefundStore(options.Seed, options.TaobaoRefunds);

var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
// No configuration from appsettings.json, ASPNETCORE_*/DOTNET_* or Kestrel__Endpoints__* variables: only the
// command line decides, so nothing in a user's environment can make the sandbox listen beyond 127.0.0.1.
// (An ASPNETCORE_URLS is ignored too; Kestrel says so on stderr.)
builder.Configuration.Sources.Clear();
builder.Logging.ClearProviders();
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
// The host logs a start failure with its stack before rethrowing it; we report it ourselves, in one line.
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Listen(IPAddress.Loopback, options.Port);
});
// Run request code on the socket's own thread instead of hopping to the thread pool: on two cores the hop
// costs more than the work. Safe here because nothing in the sandbox blocks (every wait is an async delay).
builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
var app = builder.Build();

var stats = new SandboxStats([RefundInfoEndpoint.Path, RefundCreateEndpoint.Path, ReturnShipmentEndpoint.Path, OrderDetailEndpoint.Path,
    .. OrderEndpoints.Paths, .. TaobaoEndpoints.SignedPaths]);
var envelope = new Envelope(store.DevelopId);
var gateway = new SignedGateway(
    options,
    new Authenticator(options, new NonceCache(TimeSpan.FromMinutes(15), NonceCache.DefaultCapacity)),
    new FaultInjector(options.Seed, options.FaultRate, options.FaultKinds),
    stats,
    envelope,
    app.Lifetime);
gateway.UseForMalformed(store.TryGetData(store.Records[0].RefundId, out byte[] first) ? first : []);

gateway.Map(app, RefundInfoEndpoint.Method, RefundInfoEndpoint.Path, new RefundInfoEndpoint(store).Handle);
using var pusher = new MessagePusher(options.CallbackUrl, TimeSpan.FromSeconds(options.CallbackRetrySeconds), app.Lifetime.ApplicationStopping);
gateway.Map(app, RefundCreateEndpoint.Method, RefundCreateEndpoint.Path, new RefundCreateEndpoint(store, pusher).Handle);
gateway.Map(app, ReturnShipmentEndpoint.Method, ReturnShipmentEndpoint.Path, new ReturnShipmentEndpoint(store, pusher).Handle);
gateway.Map(app, OrderDetailEndpoint.Method, OrderDetailEndpoint.Path, new OrderDetailEndpoint(store).Handle);
OrderEndpoints.Map(app, gateway, store, options);
SandboxControlEndpoints.Map(app, store, stats, pusher);
TaobaoEndpoints.Map(app, gateway, taobaoStore, options.TaobaoListShape);
MessageEndpoints.Map(app, pusher, app.Lifetime.ApplicationStopping);
app.MapGet("/", () => "Pandapon sandbox");
app.MapFallback(gateway.NoSuchPathAsync);

try
{
    await app.StartAsync();
}
catch (IOException e)
{
    Console.Error.WriteLine($"Pandapon.Sandbox: cannot listen on 127.0.0.1:{options.Port}: {e.Message}");
    return 1;
}

string endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
var line = new ArrayBufferWriter<byte>(256);
using (var w = new Utf8JsonWriter(line, RefundJson.WriterOptions))
{
    w.WriteStartObject();
    w.WriteString("endpoint", endpoint);
    w.WriteString("accessKey", options.AccessKey);
    w.WriteString("secretKey", options.SecretKey);
    w.WriteString("userId", options.UserId);
    w.WriteEndObject();
}
using (var stdout = Console.OpenStandardOutput())
{
    stdout.Write(line.WrittenSpan);
    stdout.Write("\n"u8);
    stdout.Flush();
}

if (parent is not null)
{
    // Polled rather than awaited: on Unix, waiting for a process that is not our child is not supported everywhere.
    _ = Task.Run(async () =>
    {
        while (!app.Lifetime.ApplicationStopping.IsCancellationRequested)
        {
            parent.Refresh();
            if (parent.HasExited) break;
            await Task.Delay(500);
        }
        await app.StopAsync();
    });
}
await app.WaitForShutdownAsync();
return 0;
