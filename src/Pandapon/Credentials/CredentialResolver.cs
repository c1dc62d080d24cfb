using System;
using System.Globalization;
using System.Collections.Generic;
using System.Linq;
using Pandapon.Client;
using Pandapon.Models;
using Pandapon.Values;

namespace Pandapon.Credentials
{
    /// <summary>
    /// Finds the credentials of a call, in the precedence of about_Pandapon, highest first: parameters on the command;
    /// -ProfileName; the session (Set-PandaponCredential); the environment variables PANDAPON_ACCESS_KEY,
    /// PANDAPON_SECRET_KEY, PANDAPON_USER_ID (with PANDAPON_ENDPOINT and PANDAPON_SIGNATURE_*); the profile named by
    /// PANDAPON_PROFILE; the profile "default". A profile that is named and missing is an error, never a fall-back.
    /// The store is read only when a step needs it.
    /// </summary>
    public sealed class CredentialResolver
    {
        public const string AccessKeyVariable = "PANDAPON_ACCESS_KEY";
        public const string SecretKeyVariable = "PANDAPON_SECRET_KEY";
        public const string UserIdVariable = "PANDAPON_USER_ID";
        public const string EndpointVariable = "PANDAPON_ENDPOINT";
        public const string ProfileVariable = "PANDAPON_PROFILE";
        public const string SignatureTemplateVariable = "PANDAPON_SIGNATURE_TEMPLATE";
        public const string SignatureAlgorithmVariable = "PANDAPON_SIGNATURE_ALGORITHM";
        public const string SignatureCaseVariable = "PANDAPON_SIGNATURE_CASE";
        public const string TimestampUnitVariable = "PANDAPON_TIMESTAMP_UNIT";
        public const string MaxRequestsPerSecondVariable = "PANDAPON_MAX_RPS";
        public const string ProxyVariable = "PANDAPON_PROXY";

        private readonly Func<string, string?> _environment;

        public CredentialResolver(CredentialStore store, Func<string, string?> environment)
        {
            Store = store;
            _environment = environment;
        }

        public CredentialStore Store { get; }

        /// <summary>The resolver of the current user: the default store and the process environment.</summary>
        public static CredentialResolver ForCurrentUser() => new CredentialResolver(CredentialStore.ForCurrentUser(), Environment.GetEnvironmentVariable);

        /// <summary>
        /// Applies the precedence. Throws <see cref="PandaponCredentialException"/> or <see cref="CredentialStoreException"/>.
        /// Credentials that set no maximum rate take PANDAPON_MAX_RPS's, and those that set no proxy PANDAPON_PROXY's (a
        /// profile's own value wins over the environment).
        /// </summary>
        public ResolvedCredential Resolve(ApiCredential? parameters, string? profileName, ResolvedCredential? session)
        {
            ResolvedCredential found = ResolveSource(parameters, profileName, session);
            if (found.Credential.MaxRequestsPerSecond == null && MaxRequestsPerSecondFromEnvironment() is double rate)
                found = found.WithCredential(found.Credential.WithMaxRequestsPerSecond(rate));
            if (found.Credential.Proxy == null && ProxyFromEnvironment() is ProxySettings proxy)
                found = found.WithCredential(found.Credential.WithProxy(proxy));
            return found;
        }

        /// <summary>
        /// PANDAPON_PROXY: the address of a proxy for Pandapon only (checked as -Proxy is, so no user name or password in
        /// it); null when unset. Unlike HTTPS_PROXY it is also used for a loopback endpoint and ignores NO_PROXY.
        /// </summary>
        public ProxySettings? ProxyFromEnvironment()
        {
            string? text = Variable(ProxyVariable);
            if (text == null) return null;
            try
            {
                return ProxySettings.Through(ProxySettings.ParseAddress(text, ProxyVariable));
            }
            catch (ArgumentException e)
            {
                throw new PandaponCredentialException(PandaponCredentialException.InvalidEnvironment, InvalidValueException.PlainMessage(e), e);
            }
        }

        /// <summary>PANDAPON_MAX_RPS: a number of requests per second, 0 for adaptive only; null when unset.</summary>
        public double? MaxRequestsPerSecondFromEnvironment()
        {
            string? text = Variable(MaxRequestsPerSecondVariable);
            if (text == null) return null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double rate) && rate >= 0 && rate <= RateLimiter.MaxConfigurableRate)
                return rate;
            throw new PandaponCredentialException(PandaponCredentialException.InvalidEnvironment,
                $"{MaxRequestsPerSecondVariable} '{text}' is not valid: give requests per second from 0 (adaptive only) to {RateLimiter.MaxConfigurableRate.ToString(CultureInfo.InvariantCulture)}, such as 20 or 2.5.");
        }

        private ResolvedCredential ResolveSource(ApiCredential? parameters, string? profileName, ResolvedCredential? session)
        {
            if (parameters != null) return new ResolvedCredential(parameters, CredentialSource.Parameter);
            if (!string.IsNullOrEmpty(profileName)) return LoadProfile(profileName!, CredentialSource.ProfileName, "-ProfileName");
            if (session != null) return session;
            ResolvedCredential? environment = FromEnvironment();
            if (environment != null) return environment;
            string? environmentProfile = Variable(ProfileVariable);
            if (environmentProfile != null) return LoadProfile(environmentProfile, CredentialSource.EnvironmentProfile, ProfileVariable);
            CredentialProfile? fallback = Store.Find(CredentialProfile.DefaultName);
            if (fallback != null) return new ResolvedCredential(fallback.Credential, CredentialSource.DefaultProfile, fallback.Name, Store.FilePath);
            throw new PandaponCredentialException(PandaponCredentialException.NoCredentials,
                "No PandaPon credentials were found. Looked in: -Credential, -ProfileName, the session (Set-PandaponCredential), " +
                $"the environment variables {AccessKeyVariable}/{SecretKeyVariable}/{UserIdVariable}, {ProfileVariable}, and the profile 'default' in '{Store.FilePath}'. " +
                "Run: Set-PandaponCredential -AccessKey <key> -SecretKey (Read-Host -AsSecureString) -UserId <id> -StoreAs default");
        }

        /// <summary>A saved profile; missing is an error that says who named it (<paramref name="namedBy"/>) and what exists.</summary>
        public ResolvedCredential LoadProfile(string name, CredentialSource source, string namedBy)
        {
            // A name that could never be saved is not "missing": say why, and suggest nothing that would be refused.
            if (CredentialProfile.CheckName(name) is string badName)
                throw new PandaponCredentialException(PandaponCredentialException.InvalidProfileName,
                    $"{namedBy} '{name}' is not a valid profile name: {badName}. Get-PandaponCredential -ListAvailable lists the saved profiles.");
            IReadOnlyList<CredentialProfile> profiles = Store.List();
            CredentialProfile? profile = profiles.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (profile == null)
            {
                string saved = profiles.Count == 0 ? "No profile is saved there yet" : "Saved profiles: " + string.Join(", ", profiles.Select(p => p.Name));
                throw new PandaponCredentialException(PandaponCredentialException.ProfileNotFound,
                    $"{namedBy} names the profile '{name}', which does not exist in '{Store.FilePath}'. {saved}. " +
                    $"Save it with: Set-PandaponCredential -AccessKey <key> -SecretKey <secret> -UserId <id> -StoreAs '{name}'");
            }
            return new ResolvedCredential(profile.Credential, source, profile.Name, Store.FilePath);
        }

        /// <summary>
        /// The credentials of the PANDAPON_* variables; null when neither key variable is set. A partial set is an
        /// error naming what is missing, so a runbook with a typo fails instead of using someone else's profile.
        /// </summary>
        public ResolvedCredential? FromEnvironment()
        {
            string? accessKey = Variable(AccessKeyVariable);
            string? secretKey = Variable(SecretKeyVariable);
            if (accessKey == null && secretKey == null) return null;
            string? userId = Variable(UserIdVariable);
            var missing = new List<string>();
            if (accessKey == null) missing.Add(AccessKeyVariable);
            if (secretKey == null) missing.Add(SecretKeyVariable);
            if (userId == null) missing.Add(UserIdVariable);
            if (missing.Count > 0)
            {
                string set = accessKey != null ? AccessKeyVariable : SecretKeyVariable;
                throw new PandaponCredentialException(PandaponCredentialException.InvalidEnvironment,
                    $"The environment sets {set} but not {string.Join(" or ", missing)}; set all of {AccessKeyVariable}, {SecretKeyVariable} and {UserIdVariable}, or none.");
            }
            try
            {
                string? endpointText = Variable(EndpointVariable);
                Uri endpoint = endpointText == null ? PandaponEndpoint.Default : PandaponEndpoint.Parse(endpointText, EndpointVariable);
                return new ResolvedCredential(new ApiCredential(accessKey!, secretKey!, userId!, endpoint, SignatureFromEnvironment()), CredentialSource.Environment);
            }
            catch (ArgumentException e)
            {
                throw new PandaponCredentialException(PandaponCredentialException.InvalidEnvironment, InvalidValueException.PlainMessage(e), e);
            }
        }

        private static readonly SignatureRecipe.Names EnvironmentNames =
            new SignatureRecipe.Names(SignatureTemplateVariable, SignatureAlgorithmVariable, SignatureCaseVariable, TimestampUnitVariable);

        private SignatureOptions SignatureFromEnvironment()
            => SignatureRecipe.Parse(Variable(SignatureTemplateVariable), Variable(SignatureAlgorithmVariable), Variable(SignatureCaseVariable), EnvironmentNames,
                timestampUnit: Variable(TimestampUnitVariable));

        private string? Variable(string name)
        {
            string? value = _environment(name);
            return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
        }
    }
}
