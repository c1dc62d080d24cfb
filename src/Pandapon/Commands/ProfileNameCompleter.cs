using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Pandapon.Client;
using Pandapon.Credentials;

namespace Pandapon.Commands
{
    /// <summary>Completes -ProfileName from the saved profiles (reads the local store only; no network).</summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            IReadOnlyList<CredentialProfile> profiles;
            try
            {
                profiles = CredentialStore.ForCurrentUser().List();
            }
            catch (CredentialStoreException)
            {
                // Tab must never throw at the user; the next command that reads the store reports the problem.
                return Array.Empty<CompletionResult>();
            }

            string typed = (wordToComplete ?? "").Trim('\'', '"');
            var results = new List<CompletionResult>();
            foreach (CredentialProfile profile in profiles)
            {
                if (!profile.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase)) continue;
                ApiCredential c = profile.Credential;
                string tooltip = $"{profile.Name}: access key {ApiCredential.MaskAccessKey(c.AccessKey)}, user {c.UserId}, {PandaponEndpoint.Display(c.Endpoint)}";
                results.Add(new CompletionResult(profile.Name, profile.Name, CompletionResultType.ParameterValue, tooltip));
            }
            return results;
        }
    }
}
