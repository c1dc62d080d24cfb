using System.Collections.Concurrent;
using System.Management.Automation;
using Pandapon.Credentials;

namespace Pandapon.Commands
{
    /// <summary>
    /// Warns that a profile store others may read, with the chmod that fixes it: once per store file in a PowerShell
    /// process, so a loop over Get-PandaponCredential does not repeat it.
    /// </summary>
    internal static class StorePermissionWarning
    {
        private static readonly ConcurrentDictionary<string, bool> Warned = new ConcurrentDictionary<string, bool>();

        public static void WriteOnce(Cmdlet cmdlet, CredentialStore store)
        {
            string? warning = store.CheckPermissions();
            if (warning != null && Warned.TryAdd(store.FilePath, true)) cmdlet.WriteWarning(warning);
        }
    }
}
