using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using Pandapon.Api;
using Pandapon.Batching;
using Pandapon.Client;
using Pandapon.Endpoints;
using Pandapon.Credentials;
using Pandapon.Models;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Sends one harmless signed request and says whether PandaPon accepts the credentials and the signing recipe.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "PandaponCredential", HelpUri = OnlineHelp.BaseUri + "Test-PandaponCredential.md")]
    [OutputType(typeof(CredentialTestResult))]
    [OutputType(typeof(bool))]
    public sealed class TestPandaponCredentialCommand : ApiParametersCmdlet
    {
        /// <summary>Return only $true or $false, like Test-Connection -Quiet.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <summary>Try the known signing recipes, one request each, until one is accepted.</summary>
        [Parameter]
        public SwitchParameter TryRecipes { get; set; }

        protected override void EndProcessing()
        {
            ResolvedCredential resolved = Credentials;
            ApiCredential credential = resolved.Credential;
            PandaponClient client = PandaponClient.For(credential.Endpoint, credential.Proxy);
            var log = new LogRelay(IsStreamEnabled("Verbose", "VerbosePreference"), IsStreamEnabled("Debug", "DebugPreference"));
            IReadOnlyList<SignatureOptions> recipes = TryRecipes ? CredentialProbe.Candidates : new[] { credential.Signature };

            bool accepted = false;
            for (int i = 0; i < recipes.Count && !accepted; i++)
            {
                ApiCredential tried = credential.With(signature: recipes[i]);
                WriteVerbose($"Trying the recipe {recipes[i]} ({i + 1} of {recipes.Count}).");
                ProbeOutcome outcome;
                try
                {
                    ApiRequest request = CredentialProbe.Request();
                    ApplyTo(request);
                    outcome = CredentialProbe.SendAsync(client, tried, request, CancellationToken, log).GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                    throw new PipelineStoppedException();
                }
                while (log.TryTake(out LogStream stream, out string line))
                {
                    if (stream == LogStream.Debug) WriteDebug(line);
                    else WriteVerbose(line);
                }
                accepted = outcome.Accepted;
                var result = ToResult(resolved, tried, outcome);
                if (accepted && TryRecipes && !SameRecipe(recipes[i], credential.Signature))
                {
                    string store = StoreCommand(resolved, recipes[i]);
                    result.Hint += " Store it: " + store;
                    // As Write-Host does: shown on the console, and capturable with 6>&1 in a runbook.
                    WriteInformation(new HostInformationMessage { Message = "To store the accepted recipe, run:" + Environment.NewLine + store }, new[] { "PSHOST" });
                }
                if (!Quiet) WriteObject(result);
                // An answer that says nothing about the credentials (no network, a server error) stops the search.
                if (outcome.Inconclusive) break;
            }
            if (Quiet) WriteObject(accepted);
            base.EndProcessing();
        }

        private static bool SameRecipe(SignatureOptions a, SignatureOptions b)
            => a.Template == b.Template && a.Algorithm == b.Algorithm && a.Case == b.Case && a.TimestampUnit == b.TimestampUnit;

        private static CredentialTestResult ToResult(ResolvedCredential resolved, ApiCredential tried, ProbeOutcome outcome) => new CredentialTestResult
        {
            Accepted = outcome.Accepted,
            Endpoint = PandaponEndpoint.Display(tried.Endpoint),
            Source = resolved.Source.ToString(),
            ProfileName = resolved.ProfileName,
            AccessKey = ApiCredential.MaskAccessKey(tried.AccessKey),
            UserId = tried.UserId,
            SignatureTemplate = tried.Signature.Template,
            SignatureAlgorithm = RequestSigner.DisplayName(tried.Signature.Algorithm),
            SignatureCase = tried.Signature.Case.ToString(),
            TimestampUnit = tried.Signature.TimestampUnit.ToString(),
            Code = outcome.Code,
            Message = outcome.ServerMessage ?? (outcome.Inconclusive ? outcome.Failure?.Message : null),
            RequestId = outcome.RequestId,
            ClockSkew = outcome.ClockSkew,
            Hint = Hint(outcome),
        };

        /// <summary>What to change, for each way a probe can end.</summary>
        private static string Hint(ProbeOutcome outcome)
        {
            if (outcome.Accepted) return "The access key, user id, secret key and signing recipe work.";
            if (outcome.Inconclusive)
                return "The answer does not show whether the credentials work (" + (outcome.Failure?.Kind.ToString() ?? "no answer") +
                    "): check -Endpoint and the network, then test again.";
            switch (outcome.RefusedPart)
            {
                case AuthenticationPart.AccessKey:
                    return "The server does not know the access key: copy it again from the PandaPon console (AccessKey management) and check that -Endpoint is where the key belongs.";
                case AuthenticationPart.UserId:
                    return "The user id is not one the access key may act for: check -UserId (the user id of your PandaPon account or sub-account).";
                case AuthenticationPart.Signature:
                    return "The signature was refused: check the secret key (resetting it in the console makes the old one invalid), then run Test-PandaponCredential -TryRecipes to try the known signing recipes.";
                case AuthenticationPart.Timestamp:
                    if (outcome.ClockSkew is TimeSpan skew && Math.Abs(skew.TotalSeconds) > 600)
                        return $"This computer's clock is {Math.Abs(skew.TotalSeconds).ToString("0", CultureInfo.InvariantCulture)} s {(skew > TimeSpan.Zero ? "behind" : "ahead of")} the server's, more than the 600 s allowed: set the clock right.";
                    return "The timestamp was refused: the server may count in the other unit (run Test-PandaponCredential -TryRecipes, or try -TimestampUnit Seconds or Milliseconds); also check this computer's clock.";
                case AuthenticationPart.Nonce:
                    return "The nonce was refused as used before: test again.";
                default:
                    return "The server refused the credentials without saying which part: check the access key, secret key and user id, then run Test-PandaponCredential -TryRecipes.";
            }
        }

        /// <summary>The Set-PandaponCredential line that saves <paramref name="recipe"/>; the secret is read at the prompt, never written out.</summary>
        private static string StoreCommand(ResolvedCredential resolved, SignatureOptions recipe)
        {
            ApiCredential c = resolved.Credential;
            var line = new System.Text.StringBuilder("Set-PandaponCredential -AccessKey ").Append(Quote(c.AccessKey))
                .Append(" -SecretKey (Read-Host -AsSecureString 'Secret key') -UserId ").Append(Quote(c.UserId));
            if (c.Endpoint != PandaponEndpoint.Default) line.Append(" -Endpoint ").Append(Quote(PandaponEndpoint.Display(c.Endpoint)));
            line.Append(" -SignatureTemplate ").Append(Quote(recipe.Template))
                .Append(" -SignatureAlgorithm ").Append(RequestSigner.DisplayName(recipe.Algorithm))
                .Append(" -SignatureCase ").Append(recipe.Case)
                .Append(" -TimestampUnit ").Append(recipe.TimestampUnit);
            // The proxy too, or saving the line would drop it from the profile; its password is asked for, never written out.
            ProxySettings? proxy = c.Proxy;
            if (proxy != null && proxy.IsDirect) line.Append(" -NoProxy");
            else if (proxy != null)
            {
                line.Append(" -Proxy ").Append(Quote(proxy.Address!.GetLeftPart(UriPartial.Authority)));
                if (proxy.UserName != null) line.Append(" -ProxyCredential (Get-Credential ").Append(Quote(proxy.UserName)).Append(')');
                if (proxy.UseDefaultCredentials) line.Append(" -ProxyUseDefaultCredentials");
            }
            // The rate cap too, for the same reason.
            if (c.MaxRequestsPerSecond is double rate)
                line.Append(" -MaxRequestsPerSecond ").Append(rate.ToString("R", CultureInfo.InvariantCulture));
            if (resolved.ProfileName != null) line.Append(" -StoreAs ").Append(Quote(resolved.ProfileName));
            return line.ToString();
        }

        private static string Quote(string text) => "'" + text.Replace("'", "''") + "'";
    }
}
