using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Pandapon.Conversion;
using Pandapon.Endpoints;
using Pandapon.Values;

namespace Pandapon.Commands
{
    /// <summary>
    /// The list side of a cmdlet that reads by id or lists (Get-PandaponOrder, Get-PandaponTaobaoRefund): the paging
    /// parameters refused beside ids, the filters checked through the endpoint before any request (a refused one stops
    /// the command: a list has no other input to go on with), then the pages written, typed or with -Raw as sent.
    /// </summary>
    internal static class ListReads
    {
        private static readonly string[] PagingParameters = { "First", "Skip", "IncludeTotalCount" };

        /// <summary>
        /// Stops the command when -First, -Skip or -IncludeTotalCount is given with <paramref name="idParameter"/>: they
        /// page the list (<paramref name="listName"/>, "the order list") and would be ignored with ids.
        /// </summary>
        public static void RefusePagingWithIds(PandaponApiCmdlet cmdlet, string idParameter, string listName, string cmdletName)
        {
            foreach (string paging in PagingParameters.Where(cmdlet.MyInvocation.BoundParameters.ContainsKey))
                cmdlet.ThrowInvalidArgument("Pandapon.InvalidArgument",
                    $"-{paging} pages {listName} and cannot be used with {idParameter}; to take part of the ids, use Select-Object before {cmdletName}.", paging);
        }

        /// <summary>
        /// The list <paramref name="check"/> accepts, given the JSON of <paramref name="filter"/> (-Filter, named
        /// <paramref name="filterParameter"/>), written page by page; <paramref name="itemsName"/> names the items in a failed page's error.
        /// </summary>
        public static void Write<T>(PandaponApiCmdlet cmdlet, Func<string?, IPagedListEndpoint<T>> check, Hashtable? filter,
            string filterParameter, bool raw, string itemsName)
        {
            IPagedListEndpoint<T> list;
            try
            {
                string? extraFields = filter == null ? null : PowerShellToJson.Serialize(filter, filterParameter);
                list = check(extraFields);
            }
            catch (ArgumentException e)
            {
                cmdlet.ThrowInvalidArgument("Pandapon.InvalidArgument", InvalidValueException.PlainMessage(e) + " No request was sent.", e.ParamName, e);
                return;
            }
            // PageReader leaves null rows out, so a row converts to an object.
            if (raw) cmdlet.WritePagedList(list.Request, response => list.ReadPage(response, row => JsonToPowerShell.Convert(row)!), list.PageSize, itemsName);
            else cmdlet.WritePagedList(list.Request, list.ReadPage, list.PageSize, itemsName);
        }
    }
}
