using System;
using System.Management.Automation;
using System.Security;
using Pandapon.Client;
using Pandapon.Credentials;
using Pandapon.Models;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Computes the canonical string and the signature of a PandaPon request.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PandaponSignature", HelpUri = OnlineHelp.BaseUri + "Get-PandaponSignature.md")]
    [OutputType(typeof(SignatureResult))]
    public sealed class GetPandaponSignatureCommand : PandaponCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [TextTransformation("-AccessKey", OneValue = true)]
        public string AccessKey { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1)]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString SecretKey { get; set; } = new SecureString();

        [Parameter]
        [ValidatePattern("^[0-9]{1,19}$")]
        [TextTransformation("-Timestamp", OneValue = true)]
        public string? Timestamp { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [TextTransformation("-Nonce", OneValue = true)]
        public string? Nonce { get; set; }

        [Parameter]
        [TextTransformation("-UserId", OneValue = true)]
        public string UserId { get; set; } = "";

        [Parameter]
        [ValidateSet("GET", "POST", IgnoreCase = true)]
        public string Method { get; set; } = "POST";

        [Parameter]
        [TextTransformation("-Path", OneValue = true)]
        public string Path { get; set; } = "";

        [Parameter]
        [TextTransformation("-Body", OneValue = true)]
        public string Body { get; set; } = "";

        [Parameter]
        [ValidateNotNullOrEmpty]
        [TextTransformation("-SignatureTemplate", OneValue = true)]
        public string SignatureTemplate { get; set; } = SignatureOptions.DefaultTemplate;

        [Parameter]
        [ValidateSet("MD5", "SHA1", "SHA256", "HMAC-SHA256", IgnoreCase = true)]
        public string SignatureAlgorithm { get; set; } = "MD5";

        [Parameter]
        public SignatureCase SignatureCase { get; set; } = SignatureCase.Upper;

        /// <summary>The unit of the generated timestamp (ignored when -Timestamp is given).</summary>
        [Parameter]
        public TimestampUnit TimestampUnit { get; set; } = TimestampUnit.Milliseconds;

        protected override void ProcessRecord()
        {
            string secret = SecretText.Reveal(SecretKey);
            // The same rules as Set-PandaponCredential: the values that travel as headers hold no control characters.
            if (secret.Length == 0) ThrowInvalidArgument("Pandapon.InvalidArgument", "-SecretKey is empty: the secret key is required.", null);
            if (ApiCredential.KeyProblem(secret, "-SecretKey", isHeader: false) is string badSecret) ThrowInvalidArgument("Pandapon.InvalidArgument", badSecret, null);
            CheckHeaderValue(nameof(AccessKey), AccessKey);
            CheckHeaderValue(nameof(UserId), UserId);
            CheckHeaderValue(nameof(Nonce), Nonce);
            SignatureOptions options;
            try
            {
                options = SignatureRecipe.Parse(SignatureTemplate, SignatureAlgorithm, SignatureCase.ToString(), SignatureParameters,
                    timestampUnit: TimestampUnit.ToString());
            }
            catch (ArgumentException e)
            {
                ThrowInvalidArgument("InvalidSignatureTemplate", e.Message, SignatureTemplate, e);
                return;
            }

            var input = new SigningInput
            {
                AccessKey = AccessKey,
                SecretKey = secret,
                Timestamp = Timestamp ?? RequestSigner.Timestamp(DateTimeOffset.UtcNow, options.TimestampUnit),
                Nonce = Nonce ?? RequestSigner.NewNonce(),
                UserId = UserId,
                Method = Method.ToUpperInvariant(),
                Path = Path,
                Body = Body,
            };

            WriteObject(new SignatureResult
            {
                AccessKey = input.AccessKey,
                UserId = input.UserId,
                Timestamp = input.Timestamp,
                Nonce = input.Nonce,
                SignatureAlgorithm = RequestSigner.DisplayName(options.Algorithm),
                SignatureCase = options.Case.ToString(),
                SignatureTemplate = options.Template,
                TimestampUnit = options.TimestampUnit.ToString(),
                CanonicalString = RequestSigner.BuildCanonical(options, input, redactSecret: true),
                Signature = RequestSigner.Sign(options, input),
            });
        }

        private void CheckHeaderValue(string parameter, string? value)
        {
            if (value == null) return;
            if (parameter == nameof(AccessKey) && value.Trim().Length == 0)
                ThrowInvalidArgument("Pandapon.InvalidArgument", "-AccessKey is blank: the access key is required.", value);
            if (ApiCredential.KeyProblem(value, "-" + parameter, isHeader: true) is string problem)
                ThrowInvalidArgument("Pandapon.InvalidArgument", problem, null);
        }
    }
}
