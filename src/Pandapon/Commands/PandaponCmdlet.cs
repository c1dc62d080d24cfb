using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using Pandapon.Client;
using Pandapon.Credentials;

namespace Pandapon.Commands
{
    /// <summary>
    /// The base of every Pandapon cmdlet: owns the cancellation that Ctrl+C (StopProcessing) triggers,
    /// so requests in flight end at once.
    /// </summary>
    public abstract class PandaponCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
        protected CancellationToken CancellationToken => _stopping.Token;

        protected override void StopProcessing()
        {
            _stopping.Cancel();
            base.StopProcessing();
        }

        /// <summary>The credentials Set-PandaponCredential set for this session (this runspace), or null.</summary>
        protected static ResolvedCredential? SessionCredential
        {
            get => SessionCredentials.Get(Runspace.DefaultRunspace);
            set => SessionCredentials.Set(Runspace.DefaultRunspace, value);
        }

        /// <summary>The names under which the signature recipe's parameters are reported, in every cmdlet that takes them.</summary>
        protected static readonly SignatureRecipe.Names SignatureParameters = new SignatureRecipe.Names("-SignatureTemplate", "-SignatureAlgorithm", "-SignatureCase", "-TimestampUnit");

        /// <summary>"-Name" for a parameter property (pass nameof(Name)), so messages follow a rename.</summary>
        protected static string ParameterName(string property) => "-" + property;

        /// <summary>Writes a non-terminating error with a stable id, a category and the input as target.</summary>
        protected void WriteError(Exception exception, string errorId, ErrorCategory category, object? target)
            => WriteError(new ErrorRecord(exception, errorId, category, target));

        /// <summary>Stops the command with an error about a parameter value, before anything is sent.</summary>
        protected internal void ThrowInvalidArgument(string errorId, string message, object? value, Exception? inner = null)
            => ThrowTerminatingError(new ErrorRecord(new ArgumentException(message, inner), errorId, ErrorCategory.InvalidArgument, value));

        /// <summary>Whether -Verbose / -Debug (or the preference variable) lets this command's messages through.</summary>
        protected bool IsStreamEnabled(string switchName, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(switchName, out object? bound))
                return bound is SwitchParameter flag ? flag.IsPresent : LanguagePrimitives.IsTrue(bound);
            object? preference = GetVariableValue(preferenceVariable);
            if (preference is PSObject wrapped) preference = wrapped.BaseObject;
            ActionPreference value = preference is ActionPreference p ? p
                : preference is string text && Enum.TryParse(text, true, out ActionPreference parsed) ? parsed
                : ActionPreference.SilentlyContinue;
            return value != ActionPreference.SilentlyContinue && value != ActionPreference.Ignore;
        }

        /// <summary>
        /// ShouldProcess that -Force answers "yes" without a prompt; -WhatIf and an explicit -Confirm still win,
        /// so "-Force -WhatIf" shows what would happen and does nothing.
        /// </summary>
        protected bool ShouldProcessUnlessForced(bool force, string target, string action)
        {
            bool asked = MyInvocation.BoundParameters.ContainsKey("WhatIf") || MyInvocation.BoundParameters.ContainsKey("Confirm");
            return (force && !asked) || ShouldProcess(target, action);
        }

        public void Dispose()
        {
            // Requests may still be in flight when the pipeline ends early without StopProcessing
            // (Select-Object -First stops upstream commands that way): end them too.
            _stopping.Cancel();
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
