using System.Management.Automation;
using Pandapon.Credentials;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Forgets the credentials set in this session by Set-PandaponCredential; saved profiles are kept.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Clear, "PandaponCredential", HelpUri = OnlineHelp.BaseUri + "Clear-PandaponCredential.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    public sealed class ClearPandaponCredentialCommand : PandaponCmdlet
    {
        protected override void ProcessRecord()
        {
            ResolvedCredential? current = SessionCredential;
            if (current == null)
            {
                WriteVerbose("This session has no credentials set; nothing to clear.");
                return;
            }
            if (!ShouldProcess("the session", "Clear the PandaPon credentials")) return;
            SessionCredential = null;
            WriteVerbose("Cleared the session's credentials. Calls now use the environment variables or the saved profiles (Get-PandaponCredential shows which).");
        }
    }
}
