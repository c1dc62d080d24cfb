using System.Net;
using System.Security;

namespace Pandapon.Credentials
{
    /// <summary>Turns secrets between SecureString and the plain text that signing needs, in one place.</summary>
    internal static class SecretText
    {
        public static string Reveal(SecureString? secret) => secret == null ? "" : new NetworkCredential("", secret).Password;

        public static SecureString Protect(string plain)
        {
            var secure = new SecureString();
            foreach (char c in plain) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
