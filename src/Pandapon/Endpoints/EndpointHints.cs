using System.Collections.Generic;

namespace Pandapon.Endpoints
{
    /// <summary>What an endpoint's <c>Hints(names)</c> returns when it has no business codes of its own.</summary>
    internal static class EndpointHints
    {
        public static readonly IReadOnlyDictionary<int, string> None = new Dictionary<int, string>();
    }
}
