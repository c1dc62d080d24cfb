using System;
using System.Linq;
using System.Management.Automation;
using Pandapon.Credentials;
using Pandapon.Models;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows which PandaPon credentials a call would use and where they come from, or the saved profiles; never the secret.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PandaponCredential", HelpUri = OnlineHelp.BaseUri + "Get-PandaponCredential.md", DefaultParameterSetName = CurrentSet)]
    [OutputType(typeof(CredentialInfo))]
    public sealed class GetPandaponCredentialCommand : PandaponCmdlet
    {
        private const string CurrentSet = "Current";
        private const string ProfileSet = "Profile";
        private const string ListSet = "List";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ProfileSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        [TextTransformation("-ProfileName", "ProfileName", NullBindingHint = "Credentials that come from the session, a -Credential or the environment are not a saved profile: Clear-PandaponCredential forgets the session's.")]
        public string[] ProfileName { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = ListSet)]
        public SwitchParameter ListAvailable { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                switch (ParameterSetName)
                {
                    case ListSet:
                        WriteProfiles("*", CredentialSource.Store);
                        break;
                    case ProfileSet:
                        foreach (string name in ProfileName) WriteProfile(name);
                        break;
                    default:
                        CredentialResolver resolver = CredentialResolver.ForCurrentUser();
                        ResolvedCredential current = resolver.Resolve(null, null, SessionCredential);
                        StorePermissionWarning.WriteOnce(this, resolver.Store);
                        WriteObject(CredentialView.From(current));
                        break;
                }
            }
            catch (Exception e) when (ErrorRecords.FromCredentialFailure(e, null) is ErrorRecord record)
            {
                WriteError(record);
            }
        }

        private void WriteProfile(string name)
        {
            // A pattern that is not valid ('[') is looked up as the name it is, which says why no profile can have it.
            if (WildcardPattern.ContainsWildcardCharacters(name) && IsValidPattern(name))
            {
                WriteProfiles(name, CredentialSource.ProfileName);
                return;
            }
            try
            {
                CredentialResolver resolver = CredentialResolver.ForCurrentUser();
                WriteObject(CredentialView.From(resolver.LoadProfile(name, CredentialSource.ProfileName, "-ProfileName")));
                StorePermissionWarning.WriteOnce(this, resolver.Store);
            }
            catch (PandaponCredentialException e)
            {
                WriteError(ErrorRecords.FromCredentials(e, name));
            }
        }

        private static bool IsValidPattern(string pattern)
        {
            try
            {
                new WildcardPattern(pattern).IsMatch("");   // the pattern is parsed on first use
                return true;
            }
            catch (WildcardPatternException)
            {
                return false;
            }
        }

        /// <summary>The saved profiles matching <paramref name="pattern"/>, sorted by name (as names compare: without case).</summary>
        private void WriteProfiles(string pattern, CredentialSource source)
        {
            var store = CredentialStore.ForCurrentUser();
            var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
            int found = 0;
            var profiles = store.List().OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
            StorePermissionWarning.WriteOnce(this, store);
            foreach (CredentialProfile profile in profiles)
            {
                if (!wildcard.IsMatch(profile.Name)) continue;
                found++;
                WriteObject(CredentialView.From(profile.Credential, source, profile.Name, store.FilePath));
            }
            if (found == 0) WriteVerbose($"No saved profile matches '{pattern}' in '{store.FilePath}'.");
        }
    }
}
