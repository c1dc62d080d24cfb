using System;

namespace Pandapon.Messages
{
    /// <summary>
    /// A callback body that is not a PandaPon message at all (not UTF-8, not JSON, no messageType, an unknown
    /// platform, a body that is not an object): nothing can be read from it. The message says why and shows the
    /// first 200 characters, on one line.
    /// </summary>
    public sealed class InvalidMessageException : Exception
    {
        private const int MaxPreview = 200;

        public InvalidMessageException(string reason, string? preview, Exception? inner = null)
            : base(BuildMessage(reason, preview), inner)
        {
            Reason = reason;
            Preview = preview == null ? null : Shorten(preview);
        }

        /// <summary>Why the body was refused, e.g. "messagePlatform 7 is not 0 (Taobao) or 1 (1688)".</summary>
        public string Reason { get; }

        /// <summary>The first 200 characters of the body, control characters shown as spaces.</summary>
        public string? Preview { get; }

        /// <summary>The body was larger than the receiver accepts (HTTP 413 rather than 400).</summary>
        public bool TooLarge { get; internal set; }

        internal static string Shorten(string text)
        {
            string head = text.Length <= MaxPreview ? text : text.Substring(0, MaxPreview);
            var chars = head.ToCharArray();
            for (int i = 0; i < chars.Length; i++) if (char.IsControl(chars[i])) chars[i] = ' ';
            return new string(chars) + (text.Length > MaxPreview ? "…" : "");
        }

        private static string BuildMessage(string reason, string? preview)
            => "Not a PandaPon message: " + reason + "." + (preview == null ? "" : " The body begins: " + Shorten(preview));
    }
}
