using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace Pandapon.Credentials
{
    /// <summary>
    /// The credentials set by Set-PandaponCredential, one slot per runspace: two runspaces in one process (a host
    /// running several runbooks, ForEach-Object -Parallel) never see each other's keys.
    /// </summary>
    public static class SessionCredentials
    {
        private sealed class Slot
        {
            public ResolvedCredential? Value;
        }

        private static readonly ConditionalWeakTable<Runspace, Slot> PerRunspace = new ConditionalWeakTable<Runspace, Slot>();
        private static readonly Slot NoRunspace = new Slot();

        public static ResolvedCredential? Current
        {
            get => CurrentSlot().Value;
            set => CurrentSlot().Value = value;
        }

        private static Slot CurrentSlot()
        {
            Runspace? runspace = Runspace.DefaultRunspace;
            return runspace == null ? NoRunspace : PerRunspace.GetValue(runspace, _ => new Slot());
        }
    }
}
