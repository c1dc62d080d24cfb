using Pandapon.Client;
using Pandapon.Models;

namespace Pandapon.Credentials
{
    /// <summary>Credentials together with where they came from (never shown: the secret).</summary>
    public sealed class ResolvedCredential
    {
        public ResolvedCredential(ApiCredential credential, CredentialSource source, string? profileName = null, string? storePath = null)
        {
            Credential = credential;
            Source = source;
            ProfileName = profileName;
            StorePath = storePath;
        }

        public ApiCredential Credential { get; }
        public CredentialSource Source { get; }

        /// <summary>The saved profile they were read from, if any (also for session credentials set with -ProfileName).</summary>
        public string? ProfileName { get; }

        /// <summary>The store file of that profile.</summary>
        public string? StorePath { get; }

        public ResolvedCredential WithCredential(ApiCredential credential) => new ResolvedCredential(credential, Source, ProfileName, StorePath);

        /// <summary>Where they came from, in words, for Debug and error messages.</summary>
        public string Describe()
        {
            switch (Source)
            {
                case CredentialSource.Parameter: return "the -Credential parameter";
                case CredentialSource.ProfileName: return $"the profile '{ProfileName}' (-ProfileName) in '{StorePath}'";
                case CredentialSource.Session:
                    return ProfileName == null ? "the session (Set-PandaponCredential)" : $"the session (Set-PandaponCredential, profile '{ProfileName}')";
                case CredentialSource.Environment: return "the environment variables PANDAPON_ACCESS_KEY, PANDAPON_SECRET_KEY and PANDAPON_USER_ID";
                case CredentialSource.EnvironmentProfile: return $"the profile '{ProfileName}' named by PANDAPON_PROFILE, in '{StorePath}'";
                case CredentialSource.DefaultProfile: return $"the profile 'default' in '{StorePath}'";
                default: return $"the profile '{ProfileName}' in '{StorePath}'";
            }
        }
    }
}
