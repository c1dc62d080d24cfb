using System;
using System.Runtime.InteropServices;

namespace Pandapon.Client
{
    /// <summary>Facts about the runtime the module is loaded in, asked in one place.</summary>
    public static class Platform
    {
        /// <summary>Windows PowerShell 5.1 (.NET Framework), as opposed to PowerShell 7 (.NET).</summary>
        public static bool IsNetFramework { get; } = RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        public static bool IsWindows { get; } = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
    }
}
