using System.Runtime.CompilerServices;

namespace Pandapon.Credentials
{
    /// <summary>
    /// The credentials set by Set-PandaponCredential, one slot per session: two runspaces in one process (a host
    /// running several runbooks, ForEach-Object -Parallel) never see each other's keys. The caller says which
    /// session (the cmdlet layer passes its runspace; null means no runspace), so this layer knows no PowerShell type.
    /// </summary>
    public static class SessionCredentials
    {
        private sealed class Slot
        {
            public ResolvedCredential? Value;
        }

        private static readonly ConditionalWeakTable<object, Slot> PerSession = new ConditionalWeakTable<object, Slot>();
        private static readonly Slot NoSession = new Slot();

        public static ResolvedCredential? Get(object? session) => SlotOf(session).Value;

        public static void Set(object? session, ResolvedCredential? value) => SlotOf(session).Value = value;

        private static Slot SlotOf(object? session) => session == null ? NoSession : PerSession.GetValue(session, _ => new Slot());
    }
}
