using System;

namespace Pandapon.Values
{
    /// <summary>
    /// A value a user gave (a parameter, an environment variable, a profile field) that cannot be used. Its message
    /// already names the value and where it came from, so unlike ArgumentException it does not append
    /// "(Parameter 'x')"; <see cref="ArgumentException.ParamName"/> still says which one it was.
    /// </summary>
    public sealed class InvalidValueException : ArgumentException
    {
        private readonly string _message;

        public InvalidValueException(string message, string source, Exception? inner = null) : base(message, source, inner)
        {
            _message = message;
        }

        public override string Message => _message;

        /// <summary>The message of any ArgumentException without the "(Parameter 'x')" that .NET appends.</summary>
        public static string PlainMessage(ArgumentException e)
        {
            if (e is InvalidValueException || e.ParamName == null) return e.Message;
            string message = e.Message;
            foreach (string suffix in new[] { " (Parameter '" + e.ParamName + "')", Environment.NewLine + "Parameter name: " + e.ParamName })
            {
                int at = message.LastIndexOf(suffix, StringComparison.Ordinal);
                if (at > 0) return message.Substring(0, at);
            }
            return message;
        }
    }
}
