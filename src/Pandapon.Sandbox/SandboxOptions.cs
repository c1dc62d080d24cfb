using System.Globalization;
using System.Security.Cryptography;
using Pandapon.Client;
using Pandapon.Sandbox.Http;
using Pandapon.Sandbox.Taobao;

namespace Pandapon.Sandbox;

/// <summary>Thrown for a bad command line; Program prints the message on stderr and exits with code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>The sandbox's command line, parsed and checked before anything listens.</summary>
public sealed class SandboxOptions
{
    public const int MaxRefunds = 100_000;
    public const int MaxOrders = 100_000;
    public const int MaxLatencyMs = 60_000;

    public int Port { get; private set; }
    public long Seed { get; private set; } = 1;
    public int Refunds { get; private set; } = 1000;
    public int Orders { get; private set; } = 30;
    public int TaobaoRefunds { get; private set; } = 1000;
    public TaobaoListShape TaobaoListShape { get; private set; } = TaobaoListShape.Nested;
    public int LatencyMs { get; private set; }

    /// <summary>Requests admitted per access key in any sliding second; 0 for no limit.</summary>
    public int RateLimit { get; private set; }

    /// <summary>Requests admitted per access key in any sliding 100 ms; 0 for no cap beyond <see cref="RateLimit"/>.</summary>
    public int RateLimitBurst { get; private set; }

    /// <summary>The shape of <c>/v2/alibaba/order/page</c>'s data: PandaPon's paging envelope or 1688's list (unpublished, so both).</summary>
    public OrderPageShape OrderPageShape { get; private set; } = OrderPageShape.PandaPon;
    public double FaultRate { get; private set; }
    public IReadOnlyList<FaultKind> FaultKinds { get; private set; } = Enum.GetValues<FaultKind>();
    public string AccessKey { get; private set; } = RandomHex(32);
    public string SecretKey { get; private set; } = RandomHex(32);
    public string UserId { get; private set; } = RandomUserId();
    public int? ParentPid { get; private set; }
    public SignatureOptions Signature { get; private set; } = SignatureOptions.Default;
    public bool ShowHelp { get; private set; }
    public Uri? CallbackUrl { get; private set; }
    public int CallbackRetrySeconds { get; private set; } = 1800;

    public const string Usage = """
        Pandapon.Sandbox: a local emulator of the PandaPon OpenAPI, for tests and demos.

        Usage: dotnet run --project src/Pandapon.Sandbox -c Release -- [options]

          --port <n>                 TCP port on 127.0.0.1; 0 (default) picks a free one
          --seed <n>                 data seed, a 64-bit integer (default 1)
          --refunds <n>              generated refunds, 0 to 100000 (default 1000)
          --orders <n>               fresh orders, 0 to 100000 (default 30; see GET /sandbox/orders)
          --order-page-shape <s>     data of POST /v2/alibaba/order/page: pandapon (default, {totalRecords,totalPage,
                                     pageSize,currentPage,data[]}) or upstream (1688's {result[],totalRecord})
          --taobao-refunds <n>       generated Taobao reverse orders, 0 to 100000 (default 1000)
          --taobao-list-shape <s>    rows of the Taobao reverse-order list: nested (default) or flat
          --latency-ms <n>           delay added to every answer of a signed path, 0 to 60000 (default 0)
          --rate-limit <n>           signed requests per access key in any sliding second, 0 to 100000; over it HTTP 429,
                                     code 42902, Retry-After (default 0: no limit)
          --rate-limit-burst <n>     of those, at most n in any sliding 100 ms (default 0: no cap of its own)
          --fault-rate <x>           fraction of signed requests answered with a fault, 0 to 1 (default 0)
          --fault-kinds <list>       comma list of ratelimit,server,badgateway,malformed,reset,stall (default all)
          --access-key <text>        the access key (default: generated)
          --secret-key <text>        the secret key (default: generated)
          --user-id <text>           the user id the key belongs to (default: generated)
          --parent-pid <n>           exit when that process ends
          --signature-template <t>   signing template (default {AccessKey}{Timestamp}{Nonce}{SecretKey})
          --signature-algorithm <a>  MD5 (default), SHA1, SHA256 or HMAC-SHA256
          --signature-case <c>       Upper (default) or Lower
          --timestamp-unit <u>       Milliseconds (default) or Seconds: the unit of the timestamp header, in which the
                                     600 s window is checked
          --callback-url <url>       push message callbacks (POST) to this http(s) URL as the state changes (see GET /sandbox/messages)
          --callback-retry-seconds <n>  wait before pushing again a message not acknowledged with 200 within 1000 ms, 0 to 86400 (default 1800)
          --help                     this text

        Once it listens it prints one JSON line on stdout: {"endpoint","accessKey","secretKey","userId"}.
        Logs go to stderr. Bad arguments exit with code 2.
        """;

    /// <summary>Parses <c>--name value</c> and <c>--name=value</c>; a repeated option takes its last value.</summary>
    public static SandboxOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SandboxOptions();
        string? template = null, algorithm = null, letterCase = null, timestampUnit = null;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                options.ShowHelp = true;
                continue;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal))
                throw new UsageException($"unexpected argument '{arg}': options start with --.");

            string name = arg;
            string? value = null;
            int equals = arg.IndexOf('=');
            if (equals > 0)
            {
                name = arg[..equals];
                value = arg[(equals + 1)..];
            }
            if (!IsKnown(name))
                throw new UsageException($"unknown option '{name}'.");
            if (value is null)
            {
                if (i + 1 >= args.Count)
                    throw new UsageException($"{name} needs a value.");
                value = args[++i];
            }

            switch (name)
            {
                case "--port": options.Port = ParseInt(name, value, 0, 65535); break;
                case "--seed": options.Seed = ParseLong(name, value); break;
                case "--refunds": options.Refunds = ParseInt(name, value, 0, MaxRefunds); break;
                case "--orders": options.Orders = ParseInt(name, value, 0, MaxOrders); break;
                case "--order-page-shape": options.OrderPageShape = ParseOrderPageShape(name, value); break;
                case "--taobao-refunds": options.TaobaoRefunds = ParseInt(name, value, 0, MaxRefunds); break;
                case "--taobao-list-shape": options.TaobaoListShape = ParseListShape(name, value); break;
                case "--latency-ms": options.LatencyMs = ParseInt(name, value, 0, MaxLatencyMs); break;
                case "--rate-limit": options.RateLimit = ParseInt(name, value, 0, 100_000); break;
                case "--rate-limit-burst": options.RateLimitBurst = ParseInt(name, value, 0, 100_000); break;
                case "--fault-rate": options.FaultRate = ParseRate(name, value); break;
                case "--fault-kinds": options.FaultKinds = ParseFaultKinds(name, value); break;
                case "--access-key": options.AccessKey = ParseToken(name, value); break;
                case "--secret-key": options.SecretKey = ParseToken(name, value, secret: true); break;
                case "--user-id": options.UserId = ParseToken(name, value); break;
                case "--parent-pid": options.ParentPid = ParseInt(name, value, 1, int.MaxValue); break;
                case "--signature-template": template = value; break;
                case "--signature-algorithm": algorithm = value; break;
                case "--signature-case": letterCase = value; break;
                case "--timestamp-unit": timestampUnit = value; break;
                case "--callback-url": options.CallbackUrl = ParseCallbackUrl(name, value); break;
                case "--callback-retry-seconds": options.CallbackRetrySeconds = ParseInt(name, value, 0, 86400); break;
            }
        }
        options.Signature = ParseSignature(template, algorithm, letterCase, timestampUnit);
        return options;
    }

    private static readonly string[] KnownNames =
    [
        "--port", "--seed", "--refunds", "--orders", "--order-page-shape", "--taobao-refunds", "--taobao-list-shape", "--latency-ms", "--rate-limit", "--rate-limit-burst", "--fault-rate", "--fault-kinds", "--access-key", "--secret-key",
        "--user-id", "--parent-pid", "--signature-template", "--signature-algorithm", "--signature-case", "--timestamp-unit", "--callback-url", "--callback-retry-seconds",
    ];

    private static bool IsKnown(string name) => Array.IndexOf(KnownNames, name) >= 0;

    private static int ParseInt(string name, string value, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < min || n > max)
            throw new UsageException($"{name} '{value}' is not a whole number from {min} to {max}.");
        return n;
    }

    private static long ParseLong(string name, string value)
    {
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n))
            throw new UsageException($"{name} '{value}' is not a 64-bit whole number.");
        return n;
    }

    private static double ParseRate(string name, string value)
    {
        if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double rate) || rate < 0 || rate > 1)
            throw new UsageException($"{name} '{value}' is not a number from 0 to 1 (for example 0.05).");
        return rate;
    }

    private static OrderPageShape ParseOrderPageShape(string name, string value) => value.ToLowerInvariant() switch
    {
        "pandapon" => OrderPageShape.PandaPon,
        "upstream" => OrderPageShape.Upstream,
        _ => throw new UsageException($"{name} '{value}' is not pandapon or upstream."),
    };

    private static FaultKind[] ParseFaultKinds(string name, string value)
    {
        var kinds = new List<FaultKind>();
        foreach (string part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!FaultNames.TryParse(part, out FaultKind kind))
                throw new UsageException($"{name} '{value}': '{part}' is not a fault kind; use {string.Join(",", FaultNames.Names)}.");
            if (!kinds.Contains(kind)) kinds.Add(kind);
        }
        if (kinds.Count == 0)
            throw new UsageException($"{name} '{value}' names no fault kind; use {string.Join(",", FaultNames.Names)}.");
        return kinds.ToArray();
    }

    private static TaobaoListShape ParseListShape(string name, string value) => value.ToLowerInvariant() switch
    {
        "nested" => TaobaoListShape.Nested,
        "flat" => TaobaoListShape.Flat,
        _ => throw new UsageException($"{name} '{value}' is not nested or flat."),
    };

    private static string ParseToken(string name, string value, bool secret = false)
    {
        if (value.Length == 0 || value.Length > 256 || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            // Never echo a secret, not even a malformed one.
            string shown = secret ? "(hidden)" : $"'{value}'";
            throw new UsageException($"{name} {shown} must be 1 to 256 characters with no spaces or control characters.");
        }
        return value;
    }

    private static SignatureOptions ParseSignature(string? template, string? algorithmText, string? caseText, string? unitText)
    {
        var unit = TimestampUnit.Milliseconds;
        if (unitText is not null && !RequestSigner.TryParseTimestampUnit(unitText, out unit))
            throw new UsageException($"--timestamp-unit '{unitText}' is not Milliseconds or Seconds.");
        var algorithm = SignatureAlgorithm.MD5;
        if (algorithmText is not null && !RequestSigner.TryParseAlgorithm(algorithmText, out algorithm))
            throw new UsageException($"--signature-algorithm '{algorithmText}' is not one of MD5, SHA1, SHA256, HMAC-SHA256.");
        var letterCase = SignatureCase.Upper;
        if (caseText is not null)
        {
            if (caseText.Equals("Upper", StringComparison.OrdinalIgnoreCase)) letterCase = SignatureCase.Upper;
            else if (caseText.Equals("Lower", StringComparison.OrdinalIgnoreCase)) letterCase = SignatureCase.Lower;
            else throw new UsageException($"--signature-case '{caseText}' is not Upper or Lower.");
        }
        try
        {
            return new SignatureOptions(template, algorithm, letterCase, unit);
        }
        catch (ArgumentException e)
        {
            string reason = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "");
            throw new UsageException($"--signature-template '{template}' is not valid: {reason}");
        }
    }

    private static Uri ParseCallbackUrl(string name, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new UsageException($"{name} '{value}' is not an absolute http:// or https:// URL.");
        return uri;
    }

    private static string RandomHex(int length) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(length / 2));

    // Like the documents' example user-id 2100007341207: 13 digits.
    private static string RandomUserId() => "21" + RandomNumberGenerator.GetInt32(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture) + "07";
}

/// <summary>How <c>POST /v2/alibaba/order/page</c> wraps its rows (the real shape is not published).</summary>
public enum OrderPageShape
{
    /// <summary>PandaPon's own v2 paging envelope: <c>{totalRecords, totalPage, pageSize, currentPage, data[]}</c>.</summary>
    PandaPon,

    /// <summary>1688's <c>getBuyerOrderList</c>: <c>{result[], totalRecord}</c>.</summary>
    Upstream,
}
