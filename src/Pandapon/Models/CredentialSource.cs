namespace Pandapon.Models
{
    /// <summary>Where the credentials of a call came from, highest precedence first.</summary>
    public enum CredentialSource
    {
        /// <summary>-Credential (and -UserId) on the command.</summary>
        Parameter,
        /// <summary>-ProfileName on the command.</summary>
        ProfileName,
        /// <summary>Set-PandaponCredential in this session.</summary>
        Session,
        /// <summary>PANDAPON_ACCESS_KEY, PANDAPON_SECRET_KEY, PANDAPON_USER_ID (and PANDAPON_ENDPOINT).</summary>
        Environment,
        /// <summary>The profile named by PANDAPON_PROFILE.</summary>
        EnvironmentProfile,
        /// <summary>The saved profile "default".</summary>
        DefaultProfile,
        /// <summary>A saved profile listed by Get-PandaponCredential -ListAvailable (not chosen by precedence).</summary>
        Store,
    }
}
