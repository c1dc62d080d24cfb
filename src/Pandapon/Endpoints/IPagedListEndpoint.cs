using System;
using System.Text.Json;
using Pandapon.Client;

namespace Pandapon.Endpoints
{
    /// <summary>
    /// A checked, paged listing (orders, Taobao reverse orders): the request for page n, and a page read into the
    /// endpoint's model or, for -Raw, each row as the caller converts it. The cmdlet side walks it the same way for every
    /// list (Commands/ListReads).
    /// </summary>
    internal interface IPagedListEndpoint<T>
    {
        int PageSize { get; }

        ApiRequest Request(int pageNo);

        Page<T> ReadPage(ApiResponse response);

        Page<TRow> ReadPage<TRow>(ApiResponse response, Func<JsonElement, TRow> readRow);
    }
}
