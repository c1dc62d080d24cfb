using System;
using System.Management.Automation;
using Pandapon.Client;
using Pandapon.Credentials;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// The parameters every API cmdlet takes, as one piece (as AWS Tools' credential arguments are): the credential
    /// parameters (-ProfileName, -Endpoint, -Credential, -UserId, the signature recipe) and their resolution into the
    /// credentials of this command, in the precedence of about_Pandapon (CredentialResolver), once, on first use, so
    /// -WhatIf never needs them; -MaxRetries and -TimeoutSec, which <see cref="ApplyTo"/> sets on a request; and the proxy
    /// parameters (<see cref="ProxyParameters"/>), which override the proxy of the credentials.
    /// Declared in the order Get-Help shows them. The batch of requests is <see cref="PandaponApiCmdlet"/>'s.
    /// </summary>
    public abstract class ApiParametersCmdlet : PandaponCmdlet
    {
        private ResolvedCredential? _credentials;

        /// <summary>A saved profile to use instead of the current credentials.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        [TextTransformation("-ProfileName", OneValue = true)]
        public string? ProfileName { get; set; }

        /// <summary>The API's base URL, overriding the one of the credentials.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [TextTransformation("-Endpoint", OneValue = true)]
        public string? Endpoint { get; set; }

        /// <summary>Credentials for this call only: the user name is the access key, the password the secret key.</summary>
        [Parameter]
        [ValidateNotNull]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>The user id (the <c>user-id</c> header), overriding the one of the credentials; required with -Credential.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [TextTransformation("-UserId", OneValue = true)]
        public string? UserId { get; set; }

        /// <summary>Retries after a rate limit, a server error, a timeout or a broken connection (idempotent requests only).</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = ApiRequest.DefaultMaxRetries;

        /// <summary>Seconds one attempt may take; 0 for no limit; unset, 30 for a read and 100 for a write (ApiRequest.Timeout).</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int? TimeoutSec { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [TextTransformation("-SignatureTemplate", OneValue = true)]
        public string? SignatureTemplate { get; set; }

        [Parameter]
        [ValidateSet("MD5", "SHA1", "SHA256", "HMAC-SHA256", IgnoreCase = true)]
        public string? SignatureAlgorithm { get; set; }

        [Parameter]
        public SignatureCase? SignatureCase { get; set; }

        /// <summary>The unit of the timestamp header for this call: Milliseconds or Seconds.</summary>
        [Parameter]
        public TimestampUnit? TimestampUnit { get; set; }

        /// <summary>The most requests per second with this key, shared with every call using it; 0 for adaptive only.</summary>
        [Parameter]
        [ValidateRange(0.0, RateLimiter.MaxConfigurableRate)]
        public double? MaxRequestsPerSecond { get; set; }

        /// <summary>The proxy to send this call through, overriding the credentials' and the environment's (as Invoke-RestMethod -Proxy).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Proxy { get; set; }

        /// <summary>The user name and password the -Proxy asks for.</summary>
        [Parameter]
        [ValidateNotNull]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>Gives the -Proxy the current user's credentials (Windows: Kerberos or NTLM).</summary>
        [Parameter]
        public SwitchParameter ProxyUseDefaultCredentials { get; set; }

        /// <summary>Sends this call straight to the endpoint, past any proxy of the credentials or the environment.</summary>
        [Parameter]
        public SwitchParameter NoProxy { get; set; }

        /// <summary>Sets the retries and the timeout of <paramref name="request"/> from -MaxRetries and -TimeoutSec, and the hints its failures get.</summary>
        protected void ApplyTo(ApiRequest request)
        {
            request.MaxRetries = MaxRetries;
            request.FailureHints = ClientFailureHints.Instance;
            if (TimeoutSec is int seconds) request.Timeout = seconds == 0 ? System.Threading.Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);
        }

        /// <summary>The credentials of this command, resolved on first use; a failure stops the command with an error record.</summary>
        protected ResolvedCredential Credentials => _credentials ?? (_credentials = ResolveCredentials());

        private ResolvedCredential ResolveCredentials()
        {
            ApiCredential? fromParameters = null;
            if (Credential != null)
            {
                if (UserId == null)
                    ThrowInvalidArgument("Pandapon.UserIdRequired", "-UserId is required with -Credential: the PandaPon API needs the user id with every request.", Credential.UserName);
                fromParameters = NewCredential(Credential.UserName, SecretText.Reveal(Credential.Password), UserId!, null, "-Credential");
            }

            ResolvedCredential resolved;
            try
            {
                resolved = CredentialResolver.ForCurrentUser().Resolve(fromParameters, ProfileName, SessionCredential);
            }
            catch (Exception e) when (ErrorRecords.FromCredentialFailure(e, ProfileName) is ErrorRecord record)
            {
                ThrowTerminatingError(record);
                throw;   // not reached: ThrowTerminatingError throws
            }

            Uri? endpoint = null;
            SignatureOptions signature;
            try
            {
                if (Endpoint != null) endpoint = PandaponEndpoint.Parse(Endpoint, "-Endpoint");
                signature = SignatureRecipe.Parse(SignatureTemplate, SignatureAlgorithm, SignatureCase?.ToString(), SignatureParameters, resolved.Credential.Signature,
                    TimestampUnit?.ToString());
                resolved = resolved.WithCredential(resolved.Credential.With(endpoint, UserId, signature));
            }
            catch (ArgumentException e) when (e.ParamName == "userId")
            {
                ThrowInvalidArgument("Pandapon.InvalidArgument", $"-UserId: {InvalidValueException.PlainMessage(e)}", null, e);
                throw;
            }
            catch (ArgumentException e)
            {
                ThrowInvalidArgument("Pandapon.InvalidArgument", e.Message, e.ParamName == "-Endpoint" ? (object?)PandaponEndpoint.HideUserInfo(Endpoint) : SignatureTemplate, e);
                throw;
            }
            if (MaxRequestsPerSecond != null) resolved = resolved.WithCredential(resolved.Credential.WithMaxRequestsPerSecond(MaxRequestsPerSecond));
            try
            {
                if (ProxyParameters.From(Proxy, ProxyCredential, ProxyUseDefaultCredentials, NoProxy) is ProxySettings proxy)
                    resolved = resolved.WithCredential(resolved.Credential.WithProxy(proxy));
            }
            catch (ArgumentException e)
            {
                ThrowInvalidArgument("Pandapon.InvalidArgument", e.Message, ProxyParameters.Target(Proxy), e);
                throw;
            }
            string proxyText = resolved.Credential.Proxy?.ToString() ?? "the default (HTTPS_PROXY, HTTP_PROXY, NO_PROXY or the system's)";
            WriteDebug($"Using the credentials of {resolved.Describe()}, endpoint {PandaponEndpoint.Display(resolved.Credential.Endpoint)}, proxy {proxyText}.");
            return resolved;
        }

        /// <summary>An <see cref="ApiCredential"/> from parameter values, or a terminating error naming <paramref name="source"/>.</summary>
        private ApiCredential NewCredential(string accessKey, string secretKey, string userId, Uri? endpoint, string source)
        {
            try
            {
                return new ApiCredential(accessKey, secretKey, userId, endpoint);
            }
            catch (ArgumentException e)
            {
                ThrowInvalidArgument("Pandapon.InvalidArgument", $"{source}: {InvalidValueException.PlainMessage(e)}", null, e);
                throw;
            }
        }
    }
}
