using System;
using System.Management.Automation;
using System.Security;
using Pandapon.Client;
using Pandapon.Credentials;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Sets the PandaPon credentials of this session, or saves them as a profile (-StoreAs) without changing the session.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "PandaponCredential", HelpUri = OnlineHelp.BaseUri + "Set-PandaponCredential.md", DefaultParameterSetName = KeysSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(CredentialInfo))]
    public sealed class SetPandaponCredentialCommand : PandaponCmdlet
    {
        private const string KeysSet = "Keys";
        private const string CredentialSet = "Credential";
        private const string ProfileSet = "Profile";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = KeysSet)]
        [ValidateNotNullOrEmpty]
        [TextTransformation("-AccessKey", OneValue = true)]
        public string AccessKey { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = KeysSet)]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString SecretKey { get; set; } = new SecureString();

        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [ValidateNotNull]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = KeysSet)]
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [ValidateNotNullOrEmpty]
        [TextTransformation("-UserId", OneValue = true)]
        public string UserId { get; set; } = "";

        [Parameter(ParameterSetName = KeysSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [ValidateNotNullOrEmpty]
        [TextTransformation("-Endpoint", OneValue = true)]
        public string? Endpoint { get; set; }

        [Parameter(ParameterSetName = KeysSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        [TextTransformation("-StoreAs", OneValue = true)]
        public string? StoreAs { get; set; }

        [Parameter(ParameterSetName = KeysSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [ValidateNotNullOrEmpty]
        [TextTransformation("-SignatureTemplate", OneValue = true)]
        public string? SignatureTemplate { get; set; }

        [Parameter(ParameterSetName = KeysSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [ValidateSet("MD5", "SHA1", "SHA256", "HMAC-SHA256", IgnoreCase = true)]
        public string? SignatureAlgorithm { get; set; }

        [Parameter(ParameterSetName = KeysSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        public SignatureCase? SignatureCase { get; set; }

        /// <summary>The unit of the timestamp header: Milliseconds (default) or Seconds.</summary>
        [Parameter(ParameterSetName = KeysSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        public TimestampUnit? TimestampUnit { get; set; }

        /// <summary>The most requests per second with this key; 0 for adaptive only. Kept in the profile only when given.</summary>
        [Parameter(ParameterSetName = KeysSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [ValidateRange(0.0, RateLimiter.MaxConfigurableRate)]
        public double? MaxRequestsPerSecond { get; set; }

        /// <summary>The proxy the calls with these credentials go through; kept in the profile (without a user name or password in it).</summary>
        [Parameter(ParameterSetName = KeysSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [ValidateNotNullOrEmpty]
        public string? Proxy { get; set; }

        /// <summary>The user name and password of -Proxy; the password is kept as the secret key is.</summary>
        [Parameter(ParameterSetName = KeysSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        [ValidateNotNull]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>Gives -Proxy the current user's credentials.</summary>
        [Parameter(ParameterSetName = KeysSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        public SwitchParameter ProxyUseDefaultCredentials { get; set; }

        /// <summary>The calls with these credentials go straight to the endpoint, past any proxy of the environment.</summary>
        [Parameter(ParameterSetName = KeysSet)]
        [Parameter(ParameterSetName = CredentialSet)]
        public SwitchParameter NoProxy { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ProfileSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        [TextTransformation("-ProfileName", OneValue = true)]
        public string ProfileName { get; set; } = "";

        /// <summary>Writes the credentials now current, or with -StoreAs the profile saved (never the secret).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var store = CredentialStore.ForCurrentUser();
            ResolvedCredential? session;
            try
            {
                session = ParameterSetName == ProfileSet ? FromProfile(store) : FromKeys(store);
                StorePermissionWarning.WriteOnce(this, store);
            }
            catch (Exception e) when (ErrorRecords.FromCredentialFailure(e, ProfileName) is ErrorRecord record)
            {
                ThrowTerminatingError(record);
                return;
            }
            if (session == null) return;   // -StoreAs (saved only), -WhatIf, or the user said no
            SessionCredential = session;
            ApiCredential c = session.Credential;
            WriteVerbose($"This session now uses the access key {ApiCredential.MaskAccessKey(c.AccessKey)}, user {c.UserId}, endpoint {PandaponEndpoint.Display(c.Endpoint)}" +
                (c.Proxy != null ? $", proxy: {c.Proxy}" : "") + (session.ProfileName != null ? $" (profile '{session.ProfileName}')." : "."));
            if (PassThru) WriteObject(CredentialView.From(session));
        }

        private ResolvedCredential? FromProfile(CredentialStore store)
        {
            ResolvedCredential saved = new CredentialResolver(store, Environment.GetEnvironmentVariable).LoadProfile(ProfileName, CredentialSource.Session, "-ProfileName");
            if (!ShouldProcess("the session", $"Use the profile '{saved.ProfileName}'")) return null;
            return new ResolvedCredential(saved.Credential, CredentialSource.Session, saved.ProfileName, saved.StorePath);
        }

        private ResolvedCredential? FromKeys(CredentialStore store)
        {
            string accessKey = Credential?.UserName ?? AccessKey;
            string secretKey = SecretText.Reveal(Credential?.Password ?? SecretKey);
            if (secretKey.Length == 0)
                ThrowInvalidArgument("Pandapon.InvalidArgument", (Credential != null ? "-Credential has an empty password" : "-SecretKey is empty") + ": the secret key is required.", null);
            if (StoreAs != null && CredentialProfile.CheckName(StoreAs) is string badName)
                ThrowInvalidArgument("Pandapon.InvalidProfileName", $"-StoreAs '{StoreAs}' is not a valid profile name: {badName}.", StoreAs);

            ApiCredential credential;
            try
            {
                Uri endpoint = Endpoint == null ? PandaponEndpoint.Default : PandaponEndpoint.Parse(Endpoint, "-Endpoint");
                SignatureOptions signature = SignatureRecipe.Parse(SignatureTemplate, SignatureAlgorithm, SignatureCase?.ToString(), SignatureParameters,
                    timestampUnit: TimestampUnit?.ToString());
                credential = new ApiCredential(accessKey, secretKey, UserId, endpoint, signature);
                if (MaxRequestsPerSecond != null) credential = credential.WithMaxRequestsPerSecond(MaxRequestsPerSecond);
                credential = credential.WithProxy(ProxyParameters.From(Proxy, ProxyCredential, ProxyUseDefaultCredentials, NoProxy));
            }
            catch (ArgumentException e)
            {
                string message = e is InvalidValueException ? e.Message : $"{SourceOf(e.ParamName)}: {InvalidValueException.PlainMessage(e)}";
                object? target = e.ParamName == "-Endpoint" ? PandaponEndpoint.HideUserInfo(Endpoint)
                    : e.ParamName != null && e.ParamName.StartsWith("-Proxy", StringComparison.Ordinal) ? ProxyParameters.Target(Proxy) : null;
                ThrowInvalidArgument("Pandapon.InvalidArgument", message, target, e);
                return null;
            }

            if (StoreAs == null)
            {
                if (!ShouldProcess("the session", "Set the PandaPon credentials")) return null;
                return new ResolvedCredential(credential, CredentialSource.Session);
            }
            // As Set-AWSCredential -StoreAs: a profile saved for later never redirects the calls that follow.
            if (!ShouldProcess($"the profile '{StoreAs}' in '{store.FilePath}'", "Save the PandaPon credentials")) return null;
            bool replaced = store.Save(new CredentialProfile(StoreAs, credential));
            WriteVerbose($"{(replaced ? "Replaced" : "Saved")} the profile '{StoreAs}' in '{store.FilePath}'. This session's credentials are unchanged; " +
                $"to use the profile now: Set-PandaponCredential -ProfileName '{StoreAs}'.");
            if (PassThru) WriteObject(CredentialView.From(credential, CredentialSource.Store, StoreAs, store.FilePath));
            return null;
        }

        /// <summary>The parameter that gave the value ApiCredential refused (its argument name).</summary>
        private string SourceOf(string? argument)
        {
            if (argument == "userId") return "-UserId";
            if (Credential != null) return "-Credential";
            return argument == "secretKey" ? "-SecretKey" : argument == "accessKey" ? "-AccessKey" : "-AccessKey/-SecretKey";
        }
    }
}
