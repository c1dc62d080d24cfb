using System;
using System.Management.Automation;
using Pandapon.Credentials;
using Pandapon.Models;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows which PandaPon credentials a call would use and where they come from, or the saved profiles; never the secret.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PandaponCredential", DefaultParameterSetName = CurrentSet)]
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
                        ResolvedCredential current = CredentialResolver.ForCurrentUser().Resolve(null, null, SessionCredential);
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
            if (WildcardPattern.ContainsWildcardCharacters(name))
            {
                WriteProfiles(name, CredentialSource.ProfileName);
                return;
            }
            try
            {
                WriteObject(CredentialView.From(CredentialResolver.ForCurrentUser().LoadProfile(name, CredentialSource.ProfileName, "-ProfileName")));
            }
            catch (PandaponCredentialException e)
            {
                WriteError(ErrorRecords.FromCredentials(e, name));
            }
        }

        private void WriteProfiles(string pattern, CredentialSource source)
        {
            var store = CredentialStore.ForCurrentUser();
            var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
            int found = 0;
            foreach (CredentialProfile profile in store.List())
            {
                if (!wildcard.IsMatch(profile.Name)) continue;
                found++;
                WriteObject(CredentialView.From(profile.Credential, source, profile.Name, store.FilePath));
            }
            if (found == 0) WriteVerbose($"No saved profile matches '{pattern}' in '{store.FilePath}'.");
        }
    }
}
