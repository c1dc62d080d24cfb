using System;
using System.Collections;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using Pandapon.Conversion;
using Pandapon.Messages;
using Pandapon.Models;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Turns PandaPon callback bodies (webhook requests) into typed order, refund and price-change events.</para>
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "PandaponMessage", DefaultParameterSetName = InputSet, HelpUri = OnlineHelp.BaseUri + "ConvertFrom-PandaponMessage.md")]
    [OutputType(typeof(OrderMessage), typeof(RefundMessage), typeof(PriceChangeMessage), typeof(Message))]
    public sealed class ConvertFromPandaponMessageCommand : MessageCmdlet
    {
        private const string InputSet = "InputObject";
        private const string PathSet = "Path";

        /// <summary>A JSON string, a hashtable or PSCustomObject, an Azure Automation $WebhookData (its RequestBody), or bytes.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = InputSet)]
        [AllowNull]
        [AllowEmptyString]
        public object? InputObject { get; set; }

        /// <summary>Files holding one message, a JSON array of messages, or one message per line (JSON Lines).</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [TextTransformation("-Path", "Path", "FullName", "PSPath")]
        public string[] Path { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            if (ParameterSetName == PathSet)
            {
                foreach (string pattern in Path)
                {
                    Collection<string> files;
                    try
                    {
                        files = GetResolvedProviderPathFromPSPath(pattern, out _);
                    }
                    catch (Exception e) when (e is ItemNotFoundException || e is ProviderNotFoundException || e is System.Management.Automation.DriveNotFoundException)
                    {
                        WriteError(new ErrorRecord(e, "Pandapon.PathNotFound", ErrorCategory.ObjectNotFound, pattern));
                        continue;
                    }
                    foreach (string file in files) ConvertText(File.ReadAllText(file, Encoding.UTF8), allowLines: true);
                }
                return;
            }
            Convert(InputObject);
        }

        private void Convert(object? input)
        {
            if (input is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject)) input = wrapped.BaseObject;
            switch (input)
            {
                case null:
                    WriteInvalid(new InvalidMessageException("the input is null", null));
                    return;
                case string text:
                    ConvertText(text, allowLines: false);
                    return;
                case FileInfo file:
                    // Get-ChildItem | ConvertFrom-PandaponMessage: a file binds by value before -Path could by name.
                    ConvertText(File.ReadAllText(file.FullName, Encoding.UTF8), allowLines: true);
                    return;
                case byte[] bytes:
                    Try(() => WriteMessage(MessageEnvelope.Parse(bytes, bytes.Length)));
                    return;
            }
            object? requestBody = WebhookRequestBody(input);
            if (requestBody != null)
            {
                Convert(requestBody);
                return;
            }
            string json;
            try
            {
                json = PowerShellToJson.Serialize(input, "-InputObject");
            }
            catch (ArgumentException e)
            {
                WriteInvalid(new InvalidMessageException(e.Message.TrimEnd('.'), LanguagePrimitives.ConvertTo<string>(input), e));
                return;
            }
            ConvertText(json, allowLines: false);
        }

        /// <summary>
        /// Text holding one message or a JSON array of them; with <paramref name="allowLines"/> (files) also one
        /// message per line. Each bad item is its own error; the others are still written.
        /// </summary>
        private void ConvertText(string text, bool allowLines)
        {
            JsonDocument document;
            try
            {
                document = MessageEnvelope.ParseJson(text, "the input");
            }
            catch (InvalidMessageException e)
            {
                if (allowLines && text.IndexOf('\n') >= 0)
                {
                    foreach (string line in text.Split('\n'))
                        if (line.Trim().Length > 0) ConvertText(line.Trim(), allowLines: false);
                    return;
                }
                WriteInvalid(e);
                return;
            }
            using (document)
            {
                if (document.RootElement.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in document.RootElement.EnumerateArray()) Try(() => WriteMessage(MessageEnvelope.FromElement(item)));
                    return;
                }
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("messageType", out _)
                    && root.TryGetProperty("RequestBody", out var requestBody))
                {
                    // $WebhookData as JSON text (a runbook started from the portal's test pane gets it so).
                    ConvertText(requestBody.ValueKind == JsonValueKind.String ? requestBody.GetString()! : requestBody.GetRawText(), allowLines: false);
                    return;
                }
                Try(() => WriteMessage(MessageEnvelope.FromElement(root, text)));
            }
        }

        private void Try(Action convert)
        {
            try
            {
                convert();
            }
            catch (InvalidMessageException e)
            {
                WriteInvalid(e);
            }
        }

        /// <summary>
        /// The RequestBody of an Azure Automation $WebhookData (WebhookName, RequestBody, RequestHeader), also when the
        /// runbook got it as JSON text; null for anything else.
        /// </summary>
        private static object? WebhookRequestBody(object input)
        {
            if (input is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                    if (string.Equals(entry.Key as string, "RequestBody", StringComparison.OrdinalIgnoreCase)) return entry.Value ?? "";
                return null;
            }
            var property = PSObject.AsPSObject(input).Properties["RequestBody"];
            return property == null ? null : property.Value ?? "";
        }
    }
}
