using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;
using Pandapon.Api;
using Pandapon.Credentials;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>Turns the core's exceptions into error records the same way in every cmdlet.</summary>
    internal static class ErrorRecords
    {
        /// <summary>
        /// The error record of any failure of a request (<paramref name="mapping"/> false) or of reading its answer
        /// into the output (true; <paramref name="requestId"/> names the answer): the one place that decides ids and
        /// categories for the API cmdlets.
        /// </summary>
        public static ErrorRecord FromFailure(Exception e, object? target, bool mapping, string? requestId = null)
        {
            switch (e)
            {
                case PandaponApiException api:
                    return FromApi(api, target);
                case PandaponDataException data:
                    return new ErrorRecord(data, data.ErrorId, ErrorCategory.InvalidData, target);
                case Exception read when mapping && IsReadFailure(read):
                    return new ErrorRecord(new InvalidOperationException($"The response could not be read (requestId {requestId}): {read.Message}", read),
                        "Pandapon." + ApiErrorKind.InvalidResponse, ErrorCategory.InvalidResult, target);
                default:
                    return new ErrorRecord(e, "Pandapon.UnexpectedError", ErrorCategory.NotSpecified, target);
            }
        }

        /// <summary>
        /// A value refused before anything was sent (an <see cref="ArgumentException"/> from an endpoint's Check), as a
        /// non-terminating record under <paramref name="errorId"/> with the value as given as target: in a bulk run
        /// from a CSV, one bad row must not stop the others.
        /// </summary>
        public static ErrorRecord FromRefusedInput(ArgumentException e, string errorId, object? target)
            => new ErrorRecord(e, errorId, ErrorCategory.InvalidArgument, target);

        /// <summary>
        /// One input of a batch refused by its check before anything was sent: the check's message, which names the
        /// parameter and the value, and that no request was sent for it; the other inputs go on.
        /// </summary>
        public static ErrorRecord FromRefusedBatchInput(InvalidValueException e, string errorId, object? target)
            => FromRefusedInput(new InvalidValueException(e.Message + " No request was sent for it.", e.ParamName ?? "", e), errorId, target);

        /// <summary>The failures of reading an answer that become an error record for that input (the batch goes on).</summary>
        public static bool IsReadFailure(Exception e)
            => e is PandaponApiException || e is PandaponDataException || e is JsonException || e is InvalidOperationException
                || e is FormatException || e is KeyNotFoundException || e is OverflowException;

        /// <summary>
        /// The one terminating error of a batch stopped by an authentication refusal: what was refused, how many requests
        /// were refused and how many inputs were not sent, and what to run.
        /// </summary>
        public static ErrorRecord FromStoppedBatch(PandaponApiException cause, int refused, int notSent)
        {
            string counts = refused == 1 ? "1 request was refused" : refused + " requests were refused (all in flight at once)";
            string rest = notSent == 0 ? "no further request was sent" : notSent == 1 ? "1 input was not sent" : notSent + " inputs were not sent";
            bool byProxy = cause.Kind == ApiErrorKind.ProxyAuthentication;
            string message = $"{cause.Summary} The batch stopped at this authentication refusal: {counts}, {rest}, and no later input is sent, " +
                (byProxy ? "since every request goes through the same proxy with the same proxy credentials." : "since every request is signed with the same credentials.");
            return new ErrorRecord(cause, cause.ErrorId, ErrorCategory.AuthenticationError, null)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = byProxy ? cause.RecommendedAction
                        : (cause.RecommendedAction ?? "Check the access key, secret key and user id.") + " Run Test-PandaponCredential -TryRecipes to see what the server accepts.",
                },
            };
        }

        /// <summary>The one terminating error of a batch stopped because the endpoint refused every connection (issue 15.19).</summary>
        public static ErrorRecord FromUnreachable(PandaponApiException cause, int failed, int notTried)
        {
            string rest = notTried == 1 ? "1 input was not tried" : notTried + " inputs were not tried";
            string message = $"{cause.Summary} The endpoint is unreachable: {failed} requests in a row could not connect, with no success between; " +
                $"the batch stopped, {rest}. Everything written before this stands.";
            return new ErrorRecord(cause, "Pandapon.EndpointUnreachable", ErrorCategory.ConnectionError, null)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = "Check that the endpoint is up and reachable (-Endpoint, a proxy, a firewall), then run the inputs that were not tried again.",
                },
            };
        }

        public static ErrorRecord FromApi(PandaponApiException e, object? target)
        {
            var record = new ErrorRecord(e, e.ErrorId, CategoryOf(e.Kind), target);
            // The advice once: as the record's recommended action, not also as the message's last sentence.
            if (e.RecommendedAction != null) record.ErrorDetails = new ErrorDetails(e.Summary) { RecommendedAction = e.RecommendedAction };
            return record;
        }

        /// <summary>
        /// <paramref name="record"/> again under <paramref name="errorId"/>, with a message that says what the failure
        /// means for the cmdlet's operation (a write whose outcome is unknown, a read-back after a write) and what to do.
        /// The exception stays the same, so its Code, ServerMessage and RequestId are still there for scripts.
        /// </summary>
        public static ErrorRecord WithContext(ErrorRecord record, string errorId, string message, string recommendedAction)
            => new ErrorRecord(record.Exception, errorId, record.CategoryInfo.Category, record.TargetObject)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommendedAction },
            };

        public static ErrorRecord FromCredentials(PandaponCredentialException e, object? target)
            => new ErrorRecord(e, e.ErrorId, e.ErrorId == PandaponCredentialException.InvalidEnvironment || e.ErrorId == PandaponCredentialException.InvalidProfileName
                ? ErrorCategory.InvalidArgument : ErrorCategory.ObjectNotFound, target);

        public static ErrorRecord FromStore(CredentialStoreException e)
            => new ErrorRecord(e, "Pandapon.CredentialStoreUnusable", ErrorCategory.InvalidData, e.FilePath);

        /// <summary>The error record of anything that credential resolution or the store may throw; null for other exceptions.</summary>
        public static ErrorRecord? FromCredentialFailure(Exception e, object? target)
        {
            switch (e)
            {
                case PandaponCredentialException c: return FromCredentials(c, target);
                case CredentialStoreException s: return FromStore(s);
                default: return null;
            }
        }

        public static ErrorCategory CategoryOf(ApiErrorKind kind)
        {
            switch (kind)
            {
                case ApiErrorKind.Authentication: return ErrorCategory.AuthenticationError;
                case ApiErrorKind.ProxyAuthentication: return ErrorCategory.AuthenticationError;
                case ApiErrorKind.NotFound: return ErrorCategory.ObjectNotFound;
                case ApiErrorKind.RateLimited: return ErrorCategory.LimitsExceeded;
                case ApiErrorKind.Server: return ErrorCategory.ResourceUnavailable;
                case ApiErrorKind.InvalidRequest: return ErrorCategory.InvalidArgument;
                case ApiErrorKind.InvalidResponse: return ErrorCategory.InvalidResult;
                case ApiErrorKind.Timeout: return ErrorCategory.OperationTimeout;
                case ApiErrorKind.Network: return ErrorCategory.ConnectionError;
                default: return ErrorCategory.InvalidOperation;
            }
        }
    }
}
