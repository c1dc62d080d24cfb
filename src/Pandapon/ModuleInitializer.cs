using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using Pandapon.Client;

namespace Pandapon
{
    /// <summary>
    /// Windows PowerShell 5.1 has no binding redirects for the dependencies that ship beside Pandapon.dll
    /// (System.Text.Json and its helpers), so a version mismatch would fail to load. On .NET Framework this
    /// resolves exactly those names from the module folder. PowerShell 7 needs nothing: its runtime already
    /// carries newer copies of every one of them, and those satisfy our references.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";

        public void OnImport()
        {
            if (Client.Platform.IsNetFramework) AppDomain.CurrentDomain.AssemblyResolve += ResolveFromModuleFolder;
        }

        public void OnRemove(PSModuleInfo module)
        {
            if (Client.Platform.IsNetFramework) AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromModuleFolder;
        }

        private static Assembly? ResolveFromModuleFolder(object? sender, ResolveEventArgs args)
        {
            string name = new AssemblyName(args.Name).Name ?? "";
            if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0) return null;
            string candidate = Path.Combine(ModuleDirectory, name + ".dll");
            return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        }
    }
}
