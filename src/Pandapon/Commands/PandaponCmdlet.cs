using System;
using System.Management.Automation;
using System.Threading;

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

        /// <summary>Writes a non-terminating error with a stable id, a category and the input as target.</summary>
        protected void WriteError(Exception exception, string errorId, ErrorCategory category, object? target)
            => WriteError(new ErrorRecord(exception, errorId, category, target));

        public void Dispose()
        {
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
