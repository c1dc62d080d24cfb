using System;
using System.Text.RegularExpressions;
using Pandapon.Client;

namespace Pandapon.Credentials
{
    /// <summary>A saved, named set of credentials.</summary>
    public sealed class CredentialProfile
    {
        public const string DefaultName = "default";
        private static readonly Regex NamePattern = new Regex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant);

        public CredentialProfile(string name, ApiCredential credential)
        {
            string? reason = CheckName(name);
            if (reason != null) throw new ArgumentException($"The profile name '{name}' is not valid: {reason}.", nameof(name));
            Name = name;
            Credential = credential ?? throw new ArgumentNullException(nameof(credential));
        }

        public string Name { get; }
        public ApiCredential Credential { get; }

        /// <summary>Why <paramref name="name"/> cannot name a profile, or null when it can.</summary>
        public static string? CheckName(string? name)
        {
            if (string.IsNullOrEmpty(name)) return "it is empty";
            return NamePattern.IsMatch(name) ? null : "use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";
        }
    }
}
