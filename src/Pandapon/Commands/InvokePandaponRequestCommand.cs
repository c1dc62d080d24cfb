using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Pandapon.Client;
using Pandapon.Conversion;
using Pandapon.Endpoints;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Calls any PandaPon API endpoint, signed, and returns its data like Invoke-RestMethod.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "PandaponRequest", HelpUri = OnlineHelp.BaseUri + "Invoke-PandaponRequest.md")]
    [OutputType(typeof(PSObject))]
    public sealed class InvokePandaponRequestCommand : PandaponApiCmdlet
    {
        /// <summary>The path below the endpoint, starting with "/"; a query may follow "?".</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ApiPathCompleter))]
        [TextTransformation("-Path", OneValue = true)]
        public string Path { get; set; } = "";

        /// <summary>GET or POST; by default POST when -Body is given, GET otherwise.</summary>
        [Parameter]
        [ValidateSet("Get", "Post", IgnoreCase = true)]
        public string? Method { get; set; }

        /// <summary>Query parameters.</summary>
        [Parameter]
        public IDictionary? Query { get; set; }

        /// <summary>The JSON body: a hashtable, a PSCustomObject, or JSON text; from the pipeline, one request per body.</summary>
        [Parameter(ValueFromPipeline = true)]
        public object? Body { get; set; }

        /// <summary>
        /// The data exactly as sent, as one object: a top-level array is not written item by item. The one meaning
        /// -Raw has on every Pandapon cmdlet (the data as sent).
        /// </summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        /// <summary>The whole envelope (requestId, code, developId, msg, data) as one object instead of the data.</summary>
        [Parameter]
        public SwitchParameter Envelope { get; set; }

        /// <summary>Allow retries of a POST that is safe to repeat (a read). GET is retried by default.</summary>
        [Parameter]
        public SwitchParameter Idempotent { get; set; }

        protected override void ProcessRecord()
        {
            ApiRequest request = BuildRequest();
            Submit(request, request.ToString(),
                response => JsonToPowerShell.Convert(Envelope ? response.Envelope : response.Data),
                enumerateCollection: !Raw && !Envelope);
        }

        private ApiRequest BuildRequest()
        {
            string? pathProblem = ApiRequest.CheckPath(Path.Split('?')[0]);
            if (pathProblem != null) ThrowInvalidArgument("Pandapon.InvalidPath", $"-Path '{Path}' is not valid: {pathProblem}.", Path);

            string method = Method?.ToUpperInvariant() ?? (Body != null ? "POST" : "GET");
            if (method == "GET" && Body != null)
                ThrowInvalidArgument("Pandapon.BodyWithGet", "-Body is sent only with -Method Post; for a GET, pass parameters with -Query.", Body);

            ApiRequest request;
            try
            {
                request = ApiRequest.FromPathAndQuery(method, Path);
                foreach (var pair in PowerShellToQuery.Convert(Query)) request.Query.Add(pair);
            }
            catch (ArgumentException e)
            {
                ThrowInvalidArgument("Pandapon.InvalidQuery", $"-Path '{Path}' or -Query is not valid: {e.Message}", Path, e);
                throw;
            }

            try
            {
                if (Body != null) request.Body = PowerShellToJson.RequestBody(Body);
            }
            catch (ArgumentException e)
            {
                ThrowInvalidArgument("Pandapon.InvalidBody", e.Message, Body, e);
            }
            request.Idempotent = method == "GET" || Idempotent.IsPresent;
            request.UpstreamHints = UpstreamHintsFor(request);
            return request;
        }

        /// <summary>A wrapped endpoint's hints for its business codes, naming the parameters of the cmdlet that wraps it.</summary>
        private static IReadOnlyDictionary<int, string>? UpstreamHintsFor(ApiRequest request)
        {
            if (request.Method == RefundCreateEndpoint.Method && request.Path == RefundCreateEndpoint.Path)
                return RefundCreateEndpoint.Hints(NewPandaponRefundCommand.Names);
            if (request.Method == ReturnShipmentEndpoint.Method && request.Path == ReturnShipmentEndpoint.Path)
                return ReturnShipmentEndpoint.Hints(SubmitPandaponReturnShipmentCommand.Names);
            if (request.Method == OrderCancelEndpoint.Method && request.Path == OrderCancelEndpoint.Path)
                return OrderCancelEndpoint.Hints(StopPandaponOrderCommand.Names);
            return null;
        }
    }
}
