using System;
using System.Security.Cryptography;
using System.Text;

namespace Pandapon.Credentials
{
    /// <summary>
    /// On Windows the stored secret is encrypted with DPAPI for the current user (the same protection as
    /// Export-Clixml gives a SecureString): another user, or the same file copied to another machine, cannot read it.
    /// </summary>
    internal static class SecretProtector
    {
        // Entropy keeps other DPAPI users of the same account from decrypting our blobs by accident.
        private static readonly byte[] Entropy = Encoding.UTF8.GetBytes("Pandapon credential store v1");

        public static string Protect(string secret)
            => Convert.ToBase64String(ProtectedData.Protect(Encoding.UTF8.GetBytes(secret), Entropy, DataProtectionScope.CurrentUser));

        public static string Unprotect(string protectedSecret)
            => Encoding.UTF8.GetString(ProtectedData.Unprotect(Convert.FromBase64String(protectedSecret), Entropy, DataProtectionScope.CurrentUser));
    }
}
