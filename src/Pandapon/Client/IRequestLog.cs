namespace Pandapon.Client
{
    /// <summary>
    /// Where the client tells what it does. Called from any thread: the cmdlet base queues the lines and writes
    /// them to the Verbose and Debug streams on the pipeline thread. Nothing given here holds a secret or a signature.
    /// </summary>
    public interface IRequestLog
    {
        /// <summary>False skips building the Debug text (headers and bodies), which can be large.</summary>
        bool IsDebugEnabled { get; }

        /// <summary>Method, URL, attempt; a retry with its reason and delay.</summary>
        void Verbose(string message);

        /// <summary>Headers and bodies, the secret and the signature shown as ***.</summary>
        void Debug(string message);
    }
}
