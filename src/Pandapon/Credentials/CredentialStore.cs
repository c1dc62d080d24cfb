using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using Pandapon.Client;
using Pandapon.Values;

namespace Pandapon.Credentials
{
    /// <summary>
    /// The profiles saved by Set-PandaponCredential -StoreAs: one JSON file, <c>credentials.json</c>, in the directory
    /// of <see cref="DefaultDirectory"/>. It is rewritten whole and atomically (see <see cref="AtomicFile"/>), mode 0600
    /// on Unix, the secret encrypted with DPAPI on Windows; a symbolic link is written through to its target. A file
    /// that cannot be read is reported, naming it, and never overwritten. Profile names compare without regard to
    /// letter case ("prod" and "PROD" are one profile), so a file holding both is refused rather than guessed at.
    /// </summary>
    public sealed class CredentialStore
    {
        public const string FileName = "credentials.json";
        public const int FormatVersion = 1;
        public const string ConfigDirectoryVariable = "PANDAPON_CONFIG_DIR";
        private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

        /// <param name="directory">The folder of the store.</param>
        /// <param name="namedBy">
        /// The setting that chose the folder (PANDAPON_CONFIG_DIR), or null for Pandapon's own folder: only that one
        /// is kept at mode 0700, since a folder the user chose may hold other things.
        /// </param>
        public CredentialStore(string directory, string? namedBy = null)
        {
            if (string.IsNullOrEmpty(directory)) throw new ArgumentException("The store directory is empty.", nameof(directory));
            Directory = Path.GetFullPath(directory);
            FilePath = Path.Combine(Directory, FileName);
            NamedBy = namedBy;
        }

        public string Directory { get; }
        public string FilePath { get; }

        /// <summary>The setting that chose <see cref="Directory"/>, or null when it is Pandapon's own folder.</summary>
        public string? NamedBy { get; }

        private bool OwnsDirectory => NamedBy == null;

        /// <summary>Called with the temporary file's path just before it replaces the store (tests look at it there).</summary>
        internal Action<string>? BeforeReplace { get; set; }

        /// <summary>The store of the current user, honouring PANDAPON_CONFIG_DIR.</summary>
        public static CredentialStore ForCurrentUser()
        {
            bool overridden = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ConfigDirectoryVariable));
            return new CredentialStore(DefaultDirectory(Environment.GetEnvironmentVariable), overridden ? ConfigDirectoryVariable : null);
        }

        /// <summary>
        /// PANDAPON_CONFIG_DIR when set; otherwise %APPDATA%\Pandapon on Windows, and $XDG_CONFIG_HOME/pandapon or
        /// ~/.config/pandapon elsewhere.
        /// </summary>
        public static string DefaultDirectory(Func<string, string?> environment)
        {
            string? overridden = environment(ConfigDirectoryVariable);
            if (!string.IsNullOrWhiteSpace(overridden)) return overridden!;
            if (Platform.IsWindows)
            {
                string appData = environment("APPDATA") is string a && a.Length > 0 ? a : Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);
                return Path.Combine(appData, "Pandapon");
            }
            string? xdg = environment("XDG_CONFIG_HOME");
            if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg!, "pandapon");
            string home = environment("HOME") is string h && h.Length > 0 ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return Path.Combine(home, ".config", "pandapon");
        }

        /// <summary>
        /// On Unix, whether others may read the store: the file wider than 0600, or Pandapon's own folder wider than
        /// 0700. Returns a warning with the chmod that fixes each (the next save fixes them too), or null when all is
        /// owner-only, there is no store yet, or on Windows (DPAPI and the profile folder's ACL protect it there).
        /// </summary>
        public string? CheckPermissions()
        {
            string target;
            try
            {
                target = UnixFileSystem.FollowLinks(FilePath);
            }
            catch (IOException)
            {
                return null;   // a loop of links: reading and writing the store report it
            }
            if (Platform.IsWindows || !File.Exists(target)) return null;
            var problems = new List<string>();
            if (UnixFileSystem.PermissionsOf(target) is int fileMode && UnixFileSystem.IsWiderThanOwner(fileMode))
                problems.Add($"the file has mode {UnixFileSystem.Octal(fileMode)} (run: chmod 600 '{target}')");
            if (OwnsDirectory && UnixFileSystem.PermissionsOf(Directory) is int folderMode && UnixFileSystem.IsWiderThanOwner(folderMode))
                problems.Add($"its folder has mode {UnixFileSystem.Octal(folderMode)} (run: chmod 700 '{Directory}')");
            if (problems.Count == 0) return null;
            return $"The credential store '{target}' holds secret keys, and others on this computer may read it: {string.Join("; ", problems)}. " +
                "Pandapon makes it owner-only the next time it saves a profile.";
        }

        /// <summary>Every saved profile, in the order they were first saved; empty when there is no store yet.</summary>
        public IReadOnlyList<CredentialProfile> List() => Read();

        /// <summary>The profile named <paramref name="name"/> (any letter case), or null.</summary>
        public CredentialProfile? Find(string name)
        {
            foreach (CredentialProfile profile in Read())
                if (string.Equals(profile.Name, name, StringComparison.OrdinalIgnoreCase)) return profile;
            return null;
        }

        /// <summary>Adds or replaces a profile; returns true when one of that name was replaced.</summary>
        public bool Save(CredentialProfile profile)
        {
            using (AcquireLock())
            {
                var profiles = new List<CredentialProfile>(Read());
                int index = profiles.FindIndex(p => string.Equals(p.Name, profile.Name, StringComparison.OrdinalIgnoreCase));
                if (index >= 0) profiles[index] = profile;
                else profiles.Add(profile);
                Write(profiles);
                return index >= 0;
            }
        }

        /// <summary>Removes a profile; returns false when there was none of that name.</summary>
        public bool Remove(string name)
        {
            using (AcquireLock())
            {
                var profiles = new List<CredentialProfile>(Read());
                int index = profiles.FindIndex(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                if (index < 0) return false;
                profiles.RemoveAt(index);   // names are unique without regard to case (Read refuses a store where they are not)
                Write(profiles);
                return true;
            }
        }

        private List<CredentialProfile> Read()
        {
            RefuseAFileAsFolder();
            var profiles = new List<CredentialProfile>();
            byte[] bytes;
            try
            {
                if (!File.Exists(UnixFileSystem.FollowLinks(FilePath))) return profiles;   // no store yet, or a link to nothing yet
                bytes = File.ReadAllBytes(FilePath);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new CredentialStoreException(FilePath, $"The credential store '{FilePath}' cannot be read: {e.Message}", e);
            }

            JsonDocument document;
            try
            {
                // A UTF-8 byte order mark (Windows PowerShell 5.1's Set-Content -Encoding UTF8 writes one) is not JSON.
                int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
                document = JsonDocument.Parse(new ReadOnlyMemory<byte>(bytes, start, bytes.Length - start), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException e)
            {
                throw Corrupt($"it is not valid JSON ({e.Message.Split('.')[0]})", e);
            }
            using (document)
            {
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) throw Corrupt("it is not a JSON object");
                if (root.TryGetProperty("version", out JsonElement version) && (!version.TryGetInt32(out int v) || v > FormatVersion))
                    throw Corrupt($"its version {version.GetRawText()} is newer than this Pandapon understands ({FormatVersion}); update the module");
                if (!root.TryGetProperty("profiles", out JsonElement all)) return profiles;
                if (all.ValueKind != JsonValueKind.Object) throw Corrupt("'profiles' is not an object");
                var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (JsonProperty entry in all.EnumerateObject())
                {
                    if (seen.TryGetValue(entry.Name, out string? first))
                        throw Corrupt($"the profile names '{first}' and '{entry.Name}' are one name to Pandapon, which compares profile names " +
                            "without regard to letter case; keep one of the two");
                    seen.Add(entry.Name, entry.Name);
                    profiles.Add(ReadProfile(entry));
                }
            }
            return profiles;
        }

        private CredentialProfile ReadProfile(JsonProperty entry)
        {
            string where = "profiles." + entry.Name;
            if (CredentialProfile.CheckName(entry.Name) is string badName) throw Corrupt($"the profile name '{entry.Name}' is not valid: {badName}");
            JsonElement p = entry.Value;
            if (p.ValueKind != JsonValueKind.Object) throw Corrupt($"'{where}' is not an object");

            string accessKey = RequiredString(p, where, "accessKey");
            string userId = RequiredString(p, where, "userId");
            string secret = ReadSecret(p, where, "secretKey", "the secret") is string saved && saved.Length > 0 ? saved : RequiredString(p, where, "secretKey");

            Uri endpoint = PandaponEndpoint.Default;
            string? endpointText = OptionalString(p, where, "endpoint");
            if (endpointText != null)
            {
                if (!PandaponEndpoint.TryParse(endpointText, out Uri? parsed, out string? reason))
                    throw Corrupt($"'{where}.endpoint' ('{PandaponEndpoint.HideUserInfo(endpointText)}') is not valid: {reason}");
                endpoint = parsed!;
            }

            SignatureOptions signature;
            try
            {
                signature = SignatureRecipe.Parse(OptionalString(p, where, "signatureTemplate"), OptionalString(p, where, "signatureAlgorithm"),
                    OptionalString(p, where, "signatureCase"),
                    new SignatureRecipe.Names(where + ".signatureTemplate", where + ".signatureAlgorithm", where + ".signatureCase", where + ".timestampUnit"),
                    timestampUnit: OptionalString(p, where, "timestampUnit"));
            }
            catch (ArgumentException e)
            {
                throw Corrupt(e.Message.TrimEnd('.'), e);
            }

            try
            {
                var credential = new ApiCredential(accessKey, secret, userId, endpoint, signature);
                double? maxRate = OptionalRate(p, where, "maxRequestsPerSecond");
                if (maxRate != null) credential = credential.WithMaxRequestsPerSecond(maxRate);
                return new CredentialProfile(entry.Name, credential.WithProxy(ReadProxy(p, where)));
            }
            catch (ArgumentException e)
            {
                throw Corrupt($"'{where}' is not valid: {InvalidValueException.PlainMessage(e)}", e);
            }
        }

        /// <summary>
        /// A secret saved as <paramref name="name"/> (Unix: in clear, the file being 0600) or <paramref name="name"/>Dpapi
        /// (Windows: DPAPI for the current user); null when neither is there.
        /// </summary>
        private string? ReadSecret(JsonElement p, string where, string name, string what)
        {
            if (OptionalString(p, where, name + "Dpapi") is string protectedSecret)
            {
                if (!Platform.IsWindows) throw Corrupt($"'{where}' holds {what} encrypted by Windows (DPAPI), which cannot be read on this system");
                try
                {
                    return SecretProtector.Unprotect(protectedSecret);
                }
                catch (Exception e) when (e is CryptographicException || e is FormatException)
                {
                    throw Corrupt($"{what} of '{where}' cannot be decrypted (it was saved by another Windows user or on another computer)", e);
                }
            }
            return OptionalString(p, where, name);
        }

        private static void WriteSecret(Utf8JsonWriter writer, string name, string secret)
        {
            if (Platform.IsWindows) writer.WriteString(name + "Dpapi", SecretProtector.Protect(secret));
            else writer.WriteString(name, secret);
        }

        /// <summary>The profile's proxy: "proxy" (an address), "proxyUserName" with "proxyPassword", "proxyUseDefaultCredentials", or "noProxy"; null when none is set.</summary>
        private ProxySettings? ReadProxy(JsonElement p, string where)
        {
            string? address = OptionalString(p, where, "proxy");
            bool noProxy = OptionalFlag(p, where, "noProxy");
            if (address == null)
            {
                if (noProxy) return ProxySettings.Direct;
                if (p.TryGetProperty("proxyUserName", out _) || p.TryGetProperty("proxyPassword", out _) || p.TryGetProperty("proxyPasswordDpapi", out _))
                    throw Corrupt($"'{where}' has proxy credentials but no 'proxy' address");
                return null;
            }
            if (noProxy) throw Corrupt($"'{where}' has both a 'proxy' and 'noProxy'; keep one");
            try
            {
                Uri parsed = ProxySettings.ParseAddress(address, $"'{where}.proxy'");
                return ProxySettings.Through(parsed, OptionalString(p, where, "proxyUserName"), ReadSecret(p, where, "proxyPassword", "the proxy password"),
                    OptionalFlag(p, where, "proxyUseDefaultCredentials"));
            }
            catch (ArgumentException e)
            {
                throw Corrupt(InvalidValueException.PlainMessage(e).TrimEnd('.'), e);
            }
        }

        private bool OptionalFlag(JsonElement obj, string where, string name)
        {
            if (!obj.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null) return false;
            if (value.ValueKind == JsonValueKind.True) return true;
            if (value.ValueKind == JsonValueKind.False) return false;
            throw Corrupt($"'{where}.{name}' should be true or false");
        }

        private string RequiredString(JsonElement obj, string where, string name)
        {
            string? value = OptionalString(obj, where, name);
            if (string.IsNullOrEmpty(value)) throw Corrupt($"'{where}.{name}' is missing or empty");
            return value!;
        }

        private string? OptionalString(JsonElement obj, string where, string name)
        {
            if (!obj.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind != JsonValueKind.String) throw Corrupt($"'{where}.{name}' should be a string");
            return value.GetString();
        }

        /// <summary>A rate saved as a number (or, read tolerantly, as text holding one); null when absent.</summary>
        private double? OptionalRate(JsonElement obj, string where, string name)
        {
            if (!obj.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null) return null;
            double rate = double.NaN;
            if (value.ValueKind == JsonValueKind.Number) rate = value.GetDouble();
            else if (value.ValueKind == JsonValueKind.String)
                double.TryParse(value.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out rate);
            if (double.IsNaN(rate) || double.IsInfinity(rate) || rate < 0) throw Corrupt($"'{where}.{name}' should be a number of requests per second, 0 or more");
            return rate;
        }

        private void Write(List<CredentialProfile> profiles)
        {
            using (var buffer = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("version", FormatVersion);
                    writer.WriteStartObject("profiles");
                    foreach (CredentialProfile profile in profiles)
                    {
                        ApiCredential c = profile.Credential;
                        writer.WriteStartObject(profile.Name);
                        writer.WriteString("accessKey", c.AccessKey);
                        WriteSecret(writer, "secretKey", c.SecretKey);
                        writer.WriteString("userId", c.UserId);
                        writer.WriteString("endpoint", PandaponEndpoint.Display(c.Endpoint));
                        writer.WriteString("signatureAlgorithm", RequestSigner.DisplayName(c.Signature.Algorithm));
                        writer.WriteString("signatureCase", c.Signature.Case.ToString());
                        // Written only when not the default, so a profile follows the default recipe of the module reading it.
                        if (c.Signature.Template != SignatureOptions.DefaultTemplate) writer.WriteString("signatureTemplate", c.Signature.Template);
                        if (c.Signature.TimestampUnit != TimestampUnit.Milliseconds) writer.WriteString("timestampUnit", c.Signature.TimestampUnit.ToString());
                        if (c.MaxRequestsPerSecond is double maxRate) writer.WriteNumber("maxRequestsPerSecond", maxRate);
                        if (c.Proxy is ProxySettings proxy && proxy.IsDirect) writer.WriteBoolean("noProxy", true);
                        else if (c.Proxy is ProxySettings through)
                        {
                            writer.WriteString("proxy", through.Address!.GetLeftPart(UriPartial.Authority));
                            if (through.UserName != null) writer.WriteString("proxyUserName", through.UserName);
                            if (through.Password != null) WriteSecret(writer, "proxyPassword", through.Password);
                            if (through.UseDefaultCredentials) writer.WriteBoolean("proxyUseDefaultCredentials", true);
                        }
                        writer.WriteEndObject();
                    }
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }
                try
                {
                    AtomicFile.Write(WritableTarget(), buffer.ToArray(), BeforeReplace);
                    if (OwnsDirectory && UnixFileSystem.PermissionsOf(Directory) is int folderMode && UnixFileSystem.IsWiderThanOwner(folderMode))
                        UnixFileSystem.SetPermissions(Directory, UnixFileSystem.OwnerOnlyDirectory);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new CredentialStoreException(FilePath, $"The credential store '{FilePath}' cannot be written: {e.Message}", e);
                }
            }
        }

        /// <summary>
        /// The file to replace: the store itself, or the file its symbolic link leads to (so that the link, say one
        /// made by a dotfile manager, stays a link and its target gets the new content). A link to nothing is refused:
        /// creating its target could put secret keys where the user no longer expects a file (a moved repository).
        /// </summary>
        private string WritableTarget()
        {
            if (Platform.IsWindows)
            {
                if (File.Exists(FilePath) && (File.GetAttributes(FilePath) & FileAttributes.ReparsePoint) != 0)
                    throw new CredentialStoreException(FilePath, $"The credential store '{FilePath}' is a symbolic link or junction; on Windows " +
                        "Pandapon writes the store only as a regular file. Replace the link with the file it points to.");
                return FilePath;
            }
            string target = UnixFileSystem.FollowLinks(FilePath);
            if (target != FilePath && !File.Exists(target))
                throw new CredentialStoreException(FilePath, $"The credential store '{FilePath}' is a symbolic link to '{target}', which does not exist. " +
                    "Pandapon does not create files through a dangling link: restore the target (a file holding {} will do), or remove the link.");
            return target;
        }

        /// <summary>A folder setting that names a file cannot hold the store: say so, rather than "no profiles" or a failed mkdir.</summary>
        private void RefuseAFileAsFolder()
        {
            if (!File.Exists(Directory)) return;
            string named = NamedBy != null ? $"{NamedBy} names '{Directory}'" : $"The credential store folder '{Directory}' is";
            throw new CredentialStoreException(FilePath, NamedBy != null
                ? $"{named}, which is a file, not a folder. Point {NamedBy} at a folder (Pandapon creates a missing one)."
                : $"{named} a file, not a folder. Move that file away.");
        }

        /// <summary>
        /// Serialises read-modify-write across processes (parallel runbooks saving profiles at once). Only a lock held
        /// by another process is waited for; a folder that cannot be written is said at once.
        /// </summary>
        private IDisposable AcquireLock()
        {
            RefuseAFileAsFolder();
            try
            {
                AtomicFile.CreateOwnerOnlyDirectory(Directory);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new CredentialStoreException(FilePath, $"The credential store directory '{Directory}' cannot be created: {e.Message}", e);
            }
            string lockPath = FilePath + ".lock";
            DateTime deadline = DateTime.UtcNow + LockTimeout;
            while (true)
            {
                try
                {
                    return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException e) when (IsHeldByAnotherProcess(e) && DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(50);
                }
                catch (IOException e) when (IsHeldByAnotherProcess(e))
                {
                    throw new CredentialStoreException(FilePath, $"The credential store '{FilePath}' is locked by another process (lock file '{lockPath}'): {e.Message}", e);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new CredentialStoreException(FilePath, $"The credential store folder '{Directory}' is read-only or not writable by you, " +
                        $"so '{FilePath}' cannot be changed ({e.Message.TrimEnd('.')}). Make the folder writable, or set {ConfigDirectoryVariable} to a folder you can write.", e);
                }
            }
        }

        /// <summary>
        /// Whether opening the lock file failed because another process holds it: a sharing or lock violation on
        /// Windows; on Unix .NET reports flock's EWOULDBLOCK with the errno as HResult (11 on Linux, 35 on macOS and BSD).
        /// </summary>
        private static bool IsHeldByAnotherProcess(IOException e)
        {
            const int SharingViolation = unchecked((int)0x80070020), LockViolation = unchecked((int)0x80070021);
            const int LinuxWouldBlock = 11, BsdWouldBlock = 35;
            return Platform.IsWindows
                ? e.HResult == SharingViolation || e.HResult == LockViolation
                : e.HResult == LinuxWouldBlock || e.HResult == BsdWouldBlock;
        }

        private CredentialStoreException Corrupt(string problem, Exception? inner = null)
            => new CredentialStoreException(FilePath,
                $"The credential store '{FilePath}' cannot be used: {problem}. Fix or remove the file; Pandapon does not overwrite it.", inner);
    }
}
