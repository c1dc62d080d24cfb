using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Pandapon.Client;

namespace Pandapon.Credentials
{
    /// <summary>
    /// The Unix file facts the profile store needs and netstandard2.0 has no API for: where a symbolic link leads
    /// (<c>readlink(2)</c>), a file's permission bits, and changing them (<c>chmod(2)</c>). Every member does nothing
    /// (or returns null) on Windows.
    /// </summary>
    internal static class UnixFileSystem
    {
        public const int OwnerOnlyFile = 0x180;        // 0600
        public const int OwnerOnlyDirectory = 0x1C0;   // 0700
        private const int GroupAndOthers = 0x3F;       // 0077
        private const int MaxLinksFollowed = 40;       // Linux's own limit (ELOOP)

        // .NET 7 and later (the runtime of every PowerShell 7.4+) has File.GetUnixFileMode; netstandard2.0 cannot
        // reference it, and stat(2)'s struct layout differs between systems, so it is looked up once at run time.
        private static readonly MethodInfo? GetUnixFileMode = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });

        /// <summary>
        /// The file that <paramref name="path"/> finally names, following symbolic links (relative ones from the
        /// link's folder); <paramref name="path"/> itself when it is not a link, or on Windows. The target may not exist.
        /// </summary>
        public static string FollowLinks(string path)
        {
            if (Platform.IsWindows) return path;
            string current = path;
            var buffer = new byte[4096];
            for (int i = 0; i < MaxLinksFollowed; i++)
            {
                long length = Native.readlink(Bytes(current), buffer, new IntPtr(buffer.Length)).ToInt64();
                if (length < 0) return current;   // not a link (EINVAL) or not there (ENOENT): this is the end
                string target = Encoding.UTF8.GetString(buffer, 0, (int)length);
                current = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(Path.GetDirectoryName(current) ?? "/", target));
            }
            throw new IOException($"'{path}' is a chain of more than {MaxLinksFollowed} symbolic links.");
        }

        /// <summary>The permission bits of <paramref name="path"/> (links followed); null on Windows, or when it cannot be told.</summary>
        public static int? PermissionsOf(string path)
        {
            if (Platform.IsWindows || GetUnixFileMode == null) return null;
            try
            {
                return Convert.ToInt32(GetUnixFileMode.Invoke(null, new object[] { path }));
            }
            catch (TargetInvocationException e) when (e.InnerException is IOException || e.InnerException is UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>Whether <paramref name="mode"/> lets anyone but the owner read, write or enter.</summary>
        public static bool IsWiderThanOwner(int mode) => (mode & GroupAndOthers) != 0;

        /// <summary>"0644": a mode as chmod takes it.</summary>
        public static string Octal(int mode) => Convert.ToString(mode & 0xFFF, 8).PadLeft(4, '0');

        /// <summary>Sets <paramref name="path"/>'s permission bits to <paramref name="mode"/>.</summary>
        public static void SetPermissions(string path, int mode)
        {
            if (Platform.IsWindows) return;
            if (Native.chmod(Bytes(path), mode) != 0)
            {
                int error = Marshal.GetLastWin32Error();
                throw new IOException($"Could not change the mode of '{path}' to {Octal(mode)}: {new System.ComponentModel.Win32Exception(error).Message}");
            }
        }

        /// <summary>A NUL-terminated UTF-8 path, as libc wants it.</summary>
        internal static byte[] Bytes(string path) => Encoding.UTF8.GetBytes(path + "\0");

        private static class Native
        {
            [DllImport("libc", SetLastError = true)]
            public static extern IntPtr readlink(byte[] path, byte[] buffer, IntPtr size);

            [DllImport("libc", SetLastError = true)]
            public static extern int chmod(byte[] path, int mode);
        }
    }
}
