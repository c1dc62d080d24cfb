using System;
using System.Management.Automation;
using Pandapon.Credentials;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Deletes saved PandaPon credential profiles.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "PandaponCredential", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemovePandaponCredentialCommand : PandaponCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string[] ProfileName { get; set; } = Array.Empty<string>();

        /// <summary>Removes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var store = CredentialStore.ForCurrentUser();
            foreach (string name in ProfileName)
            {
                try
                {
                    CredentialProfile? profile = store.Find(name);
                    if (profile == null)
                    {
                        WriteError(new ItemNotFoundException($"There is no saved profile '{name}' in '{store.FilePath}'."),
                            PandaponCredentialException.ProfileNotFound, ErrorCategory.ObjectNotFound, name);
                        continue;
                    }
                    if (!ShouldProcessUnlessForced(Force, $"the profile '{profile.Name}' in '{store.FilePath}'", "Remove")) continue;
                    store.Remove(profile.Name);
                    WriteVerbose($"Removed the profile '{profile.Name}' from '{store.FilePath}'.");
                    if (SessionCredential?.ProfileName is string inSession && string.Equals(inSession, profile.Name, StringComparison.OrdinalIgnoreCase))
                        WriteVerbose("This session still uses the credentials it loaded from that profile, until Clear-PandaponCredential.");
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
