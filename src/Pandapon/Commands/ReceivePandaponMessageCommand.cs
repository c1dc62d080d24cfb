using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Net;
using Pandapon.Api;
using Pandapon.Client;
using Pandapon.Values;
using Pandapon.Messages;
using Pandapon.Models;

namespace Pandapon.Commands
{
    /// <summary>
    /// <para type="synopsis">Listens for PandaPon message callbacks over HTTP and writes each message to the pipeline as it arrives.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Receive, "PandaponMessage", HelpUri = OnlineHelp.BaseUri + "Receive-PandaponMessage.md")]
    [OutputType(typeof(OrderMessage), typeof(RefundMessage), typeof(PriceChangeMessage), typeof(Message))]
    public sealed class ReceivePandaponMessageCommand : MessageCmdlet
    {
        /// <summary>The HttpListener prefix to listen on, e.g. http://127.0.0.1:8080/pandapon/.</summary>
        [Parameter(Position = 0)]
        [TextTransformation("-Prefix", OneValue = true)]
        public string Prefix { get; set; } = "http://127.0.0.1:8080/pandapon/";

        /// <summary>Allow a prefix that is not a loopback address (another machine may then post messages).</summary>
        [Parameter]
        public SwitchParameter AllowRemote { get; set; }

        /// <summary>Stop after writing this many messages; 0 (the default) means no limit.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int Count { get; set; }

        /// <summary>Stop after this many seconds; 0 (the default) means no limit.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int Timeout { get; set; }

        /// <summary>Write every message, also one whose MessageId was already written within the window.</summary>
        [Parameter]
        public SwitchParameter NoDeduplicate { get; set; }

        /// <summary>How long a MessageId is remembered; PandaPon re-pushes for 2.5 hours (5 times, half an hour apart).</summary>
        [Parameter]
        public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromHours(3);

        private static readonly ParameterNames PrefixNames = new ParameterNames(new Dictionary<string, string>
        {
            [ListenerPrefix.PrefixField] = "-Prefix",
            [ListenerPrefix.AllowRemoteField] = "-AllowRemote",
        });

        protected override void EndProcessing()
        {
            if (DeduplicationWindow <= TimeSpan.Zero || DeduplicationWindow > TimeSpan.FromDays(7))
                ThrowInvalidArgument("Pandapon.InvalidArgument", $"-DeduplicationWindow {DeduplicationWindow} is not valid: it is a time from 00:00:01 to 7.00:00:00 (days.hours:minutes:seconds).", DeduplicationWindow);
            string prefix;
            try
            {
                prefix = ListenerPrefix.Check(Prefix, AllowRemote, PrefixNames);
            }
            catch (InvalidValueException e)
            {
                ThrowInvalidArgument("Pandapon.InvalidArgument", e.Message, Prefix, e);
                return;
            }

            MessageReceiver receiver;
            try
            {
                receiver = MessageReceiver.Start(prefix);
            }
            catch (Exception e) when (e is HttpListenerException || e is PlatformNotSupportedException || e is ArgumentException)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException($"Cannot listen on {prefix}: {e.Message}. Is another program using the port? On Windows, a prefix other than localhost needs 'netsh http add urlacl' or an elevated session.", e),
                    "Pandapon.ListenFailed", ErrorCategory.ResourceUnavailable, prefix));
                return;
            }

            using (receiver)
            {
                WriteVerbose($"Listening on {prefix}" + (Count > 0 ? $" for {Count} messages" : "") + (Timeout > 0 ? $", at most {Timeout} s" : "") + ". Ctrl+C stops.");
                var filter = NoDeduplicate ? null : new DuplicateFilter(DeduplicationWindow);
                var clock = Stopwatch.StartNew();
                TimeSpan limit = Timeout > 0 ? TimeSpan.FromSeconds(Timeout) : TimeSpan.MaxValue;
                int written = 0;
                while (Count == 0 || written < Count)
                {
                    TimeSpan left = limit == TimeSpan.MaxValue ? TimeSpan.FromSeconds(1) : limit - clock.Elapsed;
                    if (left <= TimeSpan.Zero)
                    {
                        WriteVerbose($"Timeout: {Timeout} s passed; {written} messages written.");
                        break;
                    }
                    ReceivedRequest? item;
                    try
                    {
                        if (!receiver.TryTake(out item, left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), CancellationToken)) continue;
                    }
                    catch (OperationCanceledException)
                    {
                        break;   // Ctrl+C: the listener closes below, freeing the port
                    }
                    if (item!.Note != null) WriteVerbose(item.Note);
                    if (item.Error != null) WriteInvalid(item.Error);
                    if (item.Envelope == null) continue;
                    if (filter != null && !filter.IsFirst(item.Envelope.MessageId))
                    {
                        WriteVerbose($"Dropped a repeat of {item.Envelope.MessageType} {item.Envelope.MessageId} (acknowledged, already written).");
                        continue;
                    }
                    WriteMessage(item.Envelope);
                    written++;
                }
            }
        }
    }
}
