using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Values;

namespace Pandapon.Endpoints
{
    /// <summary>
    /// One signed request that changes nothing (a refund read with an id that cannot exist), judged only by whether
    /// the server refused the credentials: any other answer, "not found" included, shows that the access key, user id
    /// and signature were accepted. For Test-PandaponCredential.
    /// </summary>
    public static class CredentialProbe
    {
        /// <summary>A well-formed 1688 refund id that no refund has: the read answers "not found" once past authentication.</summary>
        public const string ProbeRefundId = "TQ00000000000000000";

        /// <summary>The probe: a read of <see cref="ProbeRefundId"/>, never retried after a refusal (no refusal is).</summary>
        public static ApiRequest Request() => RefundInfoEndpoint.Check(ProbeRefundId, ParameterNames.ApiFields).Request();

        /// <summary>Sends the probe with <paramref name="credential"/>; never throws for an answer, only for cancellation.</summary>
        public static async Task<ProbeOutcome> SendAsync(PandaponClient client, ApiCredential credential, ApiRequest request, CancellationToken cancellationToken,
            IRequestLog? log = null)
        {
            try
            {
                return ProbeOutcome.FromResponse(await client.SendAsync(request, credential, cancellationToken, log).ConfigureAwait(false));
            }
            catch (PandaponApiException e)
            {
                return ProbeOutcome.FromFailure(e);
            }
        }

        /// <summary>
        /// The recipes -TryRecipes tries, in this order, at most six: the default (milliseconds), the default with
        /// seconds, the key=value template of version 0.1 in both units, and the default in lower case in both units.
        /// </summary>
        public static IReadOnlyList<SignatureOptions> Candidates { get; } = new[]
        {
            SignatureOptions.Default,
            SignatureOptions.Default.With(timestampUnit: TimestampUnit.Seconds),
            SignatureOptions.Default.With(template: SignatureOptions.KeyValueTemplate),
            SignatureOptions.Default.With(template: SignatureOptions.KeyValueTemplate, timestampUnit: TimestampUnit.Seconds),
            SignatureOptions.Default.With(letterCase: SignatureCase.Lower),
            SignatureOptions.Default.With(letterCase: SignatureCase.Lower, timestampUnit: TimestampUnit.Seconds),
        };
    }

    /// <summary>What a probe showed.</summary>
    public sealed class ProbeOutcome
    {
        private ProbeOutcome()
        {
        }

        /// <summary>The server answered, and not with an authentication refusal.</summary>
        public bool Accepted { get; private set; }

        /// <summary>The server refused the credentials.</summary>
        public bool Refused { get; private set; }

        /// <summary>Neither: no answer, or one that cannot tell (a rate limit, a server error, a page that is not JSON).</summary>
        public bool Inconclusive => !Accepted && !Refused;

        public AuthenticationPart RefusedPart { get; private set; }
        public int? Code { get; private set; }
        public string? ServerMessage { get; private set; }
        public string? RequestId { get; private set; }
        public System.TimeSpan? ClockSkew { get; private set; }

        /// <summary>The failure, when there was one (also for an accepted probe: "not found" is a failure of the read).</summary>
        public PandaponApiException? Failure { get; private set; }

        internal static ProbeOutcome FromResponse(ApiResponse response) => new ProbeOutcome
        {
            Accepted = true,
            Code = response.Code,
            ServerMessage = response.Msg,
            RequestId = response.RequestId,
            ClockSkew = response.ClockSkew,
        };

        internal static ProbeOutcome FromFailure(PandaponApiException failure)
        {
            bool refused = failure.Kind == ApiErrorKind.Authentication;
            // Past authentication the server judged the request itself: the credentials were accepted.
            bool accepted = failure.Kind == ApiErrorKind.NotFound || failure.Kind == ApiErrorKind.Business || failure.Kind == ApiErrorKind.InvalidRequest;
            return new ProbeOutcome
            {
                Accepted = accepted,
                Refused = refused,
                RefusedPart = refused ? failure.AuthenticationPart : AuthenticationPart.Unknown,
                Code = failure.Code,
                ServerMessage = failure.ServerMessage,
                RequestId = failure.RequestId,
                ClockSkew = failure.ClockSkew,
                Failure = failure,
            };
        }
    }
}
