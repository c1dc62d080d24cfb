using System;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Pandapon.Client;

namespace Pandapon.Credentials
{
    /// <summary>
    /// Writes a file so that readers see either the old content or the new, never half of it, and so that on Unix the
    /// content is never readable by anyone but the owner: a temporary file is created beside the target by
    /// <c>mkstemp(3)</c>, which creates it with mode 0600 in the same system call (there is no moment with a wider
    /// mode, and no chmod afterwards), then written, flushed to disk, and renamed over the target with
    /// <c>rename(2)</c>. A new directory is created with mode 0700 by <c>mkdir(2)</c>. netstandard2.0 has no API for
    /// Unix modes, so these three calls go to libc directly; none of them is variadic (unlike <c>open</c>, whose
    /// mode argument P/Invoke cannot pass portably on Apple silicon). On Windows the file lives in the user's own
    /// profile folder and is moved into place with File.Replace.
    /// </summary>
    internal static class AtomicFile
    {
        /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/>. <paramref name="beforeRename"/> lets tests look at the temporary file.</summary>
        public static void Write(string path, byte[] content, Action<string>? beforeRename = null)
        {
            string directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            CreateOwnerOnlyDirectory(directory);
            string temporary = Platform.IsWindows ? CreateWindowsTemporary(path, content) : CreateUnixTemporary(path, content);
            try
            {
                beforeRename?.Invoke(temporary);
                if (Platform.IsWindows)
                {
                    if (File.Exists(path)) File.Replace(temporary, path, null);
                    else File.Move(temporary, path);
                }
                else if (Native.rename(Bytes(temporary), Bytes(path)) != 0)
                {
                    throw new IOException($"Could not rename '{temporary}' to '{path}': {new Win32Exception(Marshal.GetLastWin32Error()).Message}");
                }
            }
            catch
            {
                TryDelete(temporary);
                throw;
            }
        }

        /// <summary>Creates the directory (and its parents) if missing; the last level gets mode 0700 on Unix.</summary>
        public static void CreateOwnerOnlyDirectory(string directory)
        {
            if (Directory.Exists(directory)) return;
            if (Platform.IsWindows)
            {
                Directory.CreateDirectory(directory);
                return;
            }
            string? parent = Path.GetDirectoryName(directory.TrimEnd('/'));
            if (!string.IsNullOrEmpty(parent) && !Directory.Exists(parent)) Directory.CreateDirectory(parent);
            if (Native.mkdir(Bytes(directory), UnixFileSystem.OwnerOnlyDirectory) == 0) return;
            int error = Marshal.GetLastWin32Error();   // before Directory.Exists, whose own calls would overwrite it
            if (!Directory.Exists(directory))
                throw new IOException($"Could not create the directory '{directory}': {new Win32Exception(error).Message}");
        }

        private static string CreateUnixTemporary(string path, byte[] content)
        {
            byte[] template = Bytes(path + ".XXXXXX");
            int descriptor = Native.mkstemp(template);
            if (descriptor < 0)
                throw new IOException($"Could not create a temporary file beside '{path}': {new Win32Exception(Marshal.GetLastWin32Error()).Message}");
            string temporary = Encoding.UTF8.GetString(template, 0, template.Length - 1);
            WriteTemporary(temporary, () => new FileStream(new SafeFileHandle(new IntPtr(descriptor), ownsHandle: true), FileAccess.Write), content);
            return temporary;
        }

        private static string CreateWindowsTemporary(string path, byte[] content)
        {
            string temporary = path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
            WriteTemporary(temporary, () => new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None), content);
            return temporary;
        }

        /// <summary>
        /// Writes <paramref name="content"/> to the temporary file that <paramref name="open"/> opens and flushes it to
        /// disk (so the rename never exposes an empty file after a crash); a failure deletes the temporary file.
        /// </summary>
        private static void WriteTemporary(string temporary, Func<FileStream> open, byte[] content)
        {
            try
            {
                using (FileStream stream = open())
                {
                    stream.Write(content, 0, content.Length);
                    stream.Flush(flushToDisk: true);
                }
            }
            catch
            {
                TryDelete(temporary);
                throw;
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Best effort: a left-over temporary file holds nothing the target does not.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        /// <summary>A NUL-terminated UTF-8 path, as libc wants it (mkstemp rewrites the X's in place).</summary>
        private static byte[] Bytes(string path) => UnixFileSystem.Bytes(path);

        private static class Native
        {
            [DllImport("libc", SetLastError = true)]
            public static extern int mkstemp(byte[] template);

            [DllImport("libc", SetLastError = true)]
            public static extern int mkdir(byte[] path, int mode);

            [DllImport("libc", SetLastError = true)]
            public static extern int rename(byte[] oldPath, byte[] newPath);
        }
    }
}
