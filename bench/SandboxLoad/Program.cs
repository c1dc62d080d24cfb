using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Pandapon.Client;
using Pandapon.Bench;

// A small closed-loop load generator for the sandbox: keeps --concurrency signed refund requests in flight
// (one per keep-alive connection) until --requests have been answered, then prints one JSON line with the
// rate. Every answer is checked (HTTP 200 and "code":200); anything else counts as a failure.
// Usage: PANDAPON_SECRET_KEY=... SandboxLoad --endpoint URL --access-key K --user-id U [--requests N] [--concurrency C] [--warmup W]
// It speaks HTTP/1.1 over raw sockets so that the client, which shares the machine's cores with the
// sandbox, costs as little as possible and the figure measures the sandbox.

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (int i = 0; i + 1 < args.Length; i += 2) options[args[i]] = args[i + 1];
string Required(string name) => options.TryGetValue(name, out var v) ? v : throw new ArgumentException($"{name} is required.");
int Number(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

var endpoint = new Uri(Required("--endpoint"));
// The secret comes from the environment, never the command line, so it does not show in process listings.
string secretKey = Environment.GetEnvironmentVariable("PANDAPON_SECRET_KEY") is { Length: > 0 } secret ? secret
    : throw new ArgumentException("Set PANDAPON_SECRET_KEY to the sandbox's secret key.");
var credentials = new SigningInput { AccessKey = Required("--access-key"), SecretKey = secretKey, UserId = Required("--user-id") };
int total = Number("--requests", 20000), concurrency = Number("--concurrency", 32), warmup = Number("--warmup", 2000);

string[] ids;
using (var http = new HttpClient { BaseAddress = endpoint })
    ids = JsonSerializer.Deserialize<string[]>(await http.GetStringAsync("/sandbox/refunds"))!;
byte[][] bodies = ids.Select(id => Encoding.UTF8.GetBytes($"{{\"refundId\":\"{id}\"}}")).ToArray();

var connections = new SignedConnection[concurrency];
for (int i = 0; i < concurrency; i++) connections[i] = await SignedConnection.OpenAsync(endpoint, credentials);

async Task<int> RunAsync(int count)
{
    long next = 0;
    int failures = 0;
    async Task Worker(SignedConnection connection)
    {
        while (true)
        {
            long n = Interlocked.Increment(ref next);
            if (n > count) return;
            if (!await connection.PostRefundInfoAsync(bodies[n % bodies.Length])) Interlocked.Increment(ref failures);
        }
    }
    await Task.WhenAll(connections.Select(c => Task.Run(() => Worker(c))));
    return failures;
}

int warmupFailures = await RunAsync(warmup);
var clock = Stopwatch.StartNew();
int failed = await RunAsync(total);
clock.Stop();
foreach (var c in connections) c.Dispose();

Console.WriteLine(JsonSerializer.Serialize(new
{
    requests = total,
    concurrency,
    seconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
    requestsPerSecond = Math.Round(total / clock.Elapsed.TotalSeconds),
    failures = failed + warmupFailures,
}));
return failed + warmupFailures == 0 ? 0 : 1;
