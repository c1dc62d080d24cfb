using System;

namespace Pandapon.Credentials
{
    /// <summary>No usable credentials: a named profile missing, incomplete environment variables, or nothing at all.</summary>
    public sealed class PandaponCredentialException : Exception
    {
        public const string ProfileNotFound = "Pandapon.ProfileNotFound";
        public const string NoCredentials = "Pandapon.NoCredentials";
        public const string InvalidEnvironment = "Pandapon.InvalidEnvironment";
        public const string InvalidProfileName = "Pandapon.InvalidProfileName";

        public PandaponCredentialException(string errorId, string message, Exception? inner = null) : base(message, inner)
        {
            ErrorId = errorId;
        }

        /// <summary>One of the constants above, for the error record.</summary>
        public string ErrorId { get; }
    }
}
