using System;
using System.Management.Automation;
using Pandapon.Credentials;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes saved PandaPon credential profiles.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "PandaponCredential", HelpUri = OnlineHelp.BaseUri + "Remove-PandaponCredential.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemovePandaponCredentialCommand : PandaponCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        [TextTransformation("-ProfileName", "ProfileName", NullBindingHint = "Credentials that come from the session, a -Credential or the environment are not a saved profile: Clear-PandaponCredential forgets the session's.")]
        public string[] ProfileName { get; set; } = Array.Empty<string>();

        /// <summary>Removes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var store = CredentialStore.ForCurrentUser();
            foreach (string name in ProfileName)
            {
                // A name that could never be saved is not "missing": say why, as Get-PandaponCredential does.
                if (CredentialProfile.CheckName(name) is string badName)
                {
                    WriteError(ErrorRecords.FromCredentials(new PandaponCredentialException(PandaponCredentialException.InvalidProfileName,
                        $"-ProfileName '{name}' is not a valid profile name: {badName}. Get-PandaponCredential -ListAvailable lists the saved profiles."), name));
                    continue;
                }
                try
                {
                    CredentialProfile? profile = store.Find(name);
                    StorePermissionWarning.WriteOnce(this, store);
                    if (profile == null)
                    {
                        WriteError(new ItemNotFoundException($"There is no saved profile '{name}' in '{store.FilePath}'."),
                            PandaponCredentialException.ProfileNotFound, ErrorCategory.ObjectNotFound, name);
                        continue;
                    }
                    if (!ShouldProcessUnlessForced(Force, $"the profile '{profile.Name}' in '{store.FilePath}'", "Remove")) continue;
                    store.Remove(profile.Name);
                    WriteVerbose($"Removed the profile '{profile.Name}' from '{store.FilePath}'.");
                    // A removed profile must not go on signing calls unseen: the session forgets it, and says so.
                    if (SessionCredential?.ProfileName is string inSession && string.Equals(inSession, profile.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        SessionCredential = null;
                        WriteWarning($"This session was using the profile '{profile.Name}', so its credentials are cleared too. Calls now use the " +
                            "environment variables or the saved profiles (Get-PandaponCredential shows which); Set-PandaponCredential sets new ones.");
                    }
                }
                catch (CredentialStoreException e)
                {
                    WriteError(ErrorRecords.FromStore(e));
                    return;
                }
            }
        }
    }
}
