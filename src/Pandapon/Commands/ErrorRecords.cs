using System.Management.Automation;
using System;
using Pandapon.Api;
using Pandapon.Credentials;

namespace Pandapon.Commands
{
    /// <summary>Turns the core's exceptions into error records the same way in every cmdlet.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord FromApi(PandaponApiException e, object? target)
        {
            var record = new ErrorRecord(e, e.ErrorId, CategoryOf(e.Kind), target);
            if (e.RecommendedAction != null) record.ErrorDetails = new ErrorDetails(e.Message) { RecommendedAction = e.RecommendedAction };
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
            => new ErrorRecord(e, e.ErrorId, e.ErrorId == PandaponCredentialException.InvalidEnvironment ? ErrorCategory.InvalidArgument : ErrorCategory.ObjectNotFound, target);

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
