using System.Collections.Generic;
using Pandapon.Api;

namespace Pandapon.Client
{
    /// <summary>
    /// What to tell the user about a failure the client reports (its RecommendedAction), by the server's code or, for
    /// other codes, by the failure's kind. The caller supplies the texts (the cmdlet layer, which knows its cmdlets and
    /// parameters), on <see cref="ApiRequest.FailureHints"/>, so the client names none of them. An endpoint's own
    /// codes come first (<see cref="ApiRequest.UpstreamHints"/>).
    /// </summary>
    public sealed class FailureHints
    {
        private readonly IReadOnlyDictionary<int, string> _byCode;
        private readonly IReadOnlyDictionary<ApiErrorKind, string> _byKind;
        private readonly string? _redirect;

        public FailureHints(IReadOnlyDictionary<int, string> byCode, IReadOnlyDictionary<ApiErrorKind, string> byKind, string? redirect)
        {
            _byCode = byCode;
            _byKind = byKind;
            _redirect = redirect;
        }

        /// <summary>The hint for <paramref name="failure"/>, or null.</summary>
        public string? For(PandaponApiException failure)
        {
            if (failure.Code is int code && _byCode.TryGetValue(code, out string? byCode)) return byCode;
            if (failure.IsRedirect) return _redirect;
            return _byKind.TryGetValue(failure.Kind, out string? byKind) ? byKind : null;
        }
    }
}
