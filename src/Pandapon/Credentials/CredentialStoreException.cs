using System;

namespace Pandapon.Credentials
{
    /// <summary>The profile store cannot be read or written. The message names the file; the file is left as it was.</summary>
    public sealed class CredentialStoreException : Exception
    {
        public CredentialStoreException(string filePath, string message, Exception? inner = null) : base(message, inner)
        {
            FilePath = filePath;
        }

        public string FilePath { get; }
    }
}
