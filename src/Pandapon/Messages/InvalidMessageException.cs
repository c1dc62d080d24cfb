using System;

using Pandapon.Values;

namespace Pandapon.Messages
{
    /// <summary>
    /// A callback body that is not a PandaPon message at all (not UTF-8, not JSON, no messageType, an unknown
    /// platform, a body that is not an object): nothing can be read from it. The message says why and shows the
    /// first 200 characters, on one line.
    /// </summary>
    public sealed class InvalidMessageException : Exception
    {
        internal const int MaxPreview = 200;

        public InvalidMessageException(string reason, string? preview, Exception? inner = null)
            : base(BuildMessage(reason, preview), inner)
        {
            Reason = reason;
            Preview = preview == null ? null : ShownValue.Shorten(preview, MaxPreview);
        }

        /// <summary>Why the body was refused, e.g. "messagePlatform 7 is not 0 (Taobao) or 1 (1688)".</summary>
        public string Reason { get; }

        /// <summary>The first 200 characters of the body on one line (<see cref="ShownValue.Shorten"/>).</summary>
        public string? Preview { get; }

        /// <summary>The body was larger than the receiver accepts (HTTP 413 rather than 400).</summary>
        public bool TooLarge { get; internal set; }

        private static string BuildMessage(string reason, string? preview)
            => "Not a PandaPon message: " + reason + "." + (preview == null ? "" : " The body begins: " + ShownValue.Shorten(preview, MaxPreview));
    }
}
