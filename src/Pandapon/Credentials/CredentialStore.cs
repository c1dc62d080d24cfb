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
    /// of about_Pandapon. It is rewritten whole and atomically (see <see cref="AtomicFile"/>), mode 0600 on Unix, the
    /// secret encrypted with DPAPI on Windows. A file that cannot be read is reported, naming it, and never overwritten.
    /// </summary>
    public sealed class CredentialStore
    {
        public const string FileName = "credentials.json";
        public const int FormatVersion = 1;
        private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

        public CredentialStore(string directory)
        {
            if (string.IsNullOrEmpty(directory)) throw new ArgumentException("The store directory is empty.", nameof(directory));
            Directory = Path.GetFullPath(directory);
            FilePath = Path.Combine(Directory, FileName);
        }

        public string Directory { get; }
        public string FilePath { get; }

        /// <summary>Called with the temporary file's path just before it replaces the store (tests look at it there).</summary>
        internal Action<string>? BeforeReplace { get; set; }

        /// <summary>The store of the current user, honouring PANDAPON_CONFIG_DIR.</summary>
        public static CredentialStore ForCurrentUser() => new CredentialStore(DefaultDirectory(Environment.GetEnvironmentVariable));

        /// <summary>
        /// PANDAPON_CONFIG_DIR when set; otherwise %APPDATA%\Pandapon on Windows, and $XDG_CONFIG_HOME/pandapon or
        /// ~/.config/pandapon elsewhere.
        /// </summary>
        public static string DefaultDirectory(Func<string, string?> environment)
        {
            string? overridden = environment("PANDAPON_CONFIG_DIR");
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
                int removed = profiles.RemoveAll(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                if (removed == 0) return false;
                Write(profiles);
                return true;
            }
        }

        private List<CredentialProfile> Read()
        {
            var profiles = new List<CredentialProfile>();
            byte[] bytes;
            try
            {
                if (!File.Exists(FilePath)) return profiles;
                bytes = File.ReadAllBytes(FilePath);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new CredentialStoreException(FilePath, $"The credential store '{FilePath}' cannot be read: {e.Message}", e);
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
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
                foreach (JsonProperty entry in all.EnumerateObject()) profiles.Add(ReadProfile(entry));
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
            string secret;
            if (OptionalString(p, where, "secretKeyDpapi") is string protectedSecret)
            {
                if (!Platform.IsWindows) throw Corrupt($"'{where}' holds a secret encrypted by Windows (DPAPI), which cannot be read on this system");
                try
                {
                    secret = SecretProtector.Unprotect(protectedSecret);
                }
                catch (Exception e) when (e is CryptographicException || e is FormatException)
                {
                    throw Corrupt($"the secret of '{where}' cannot be decrypted (it was saved by another Windows user or on another computer)", e);
                }
            }
            else
            {
                secret = RequiredString(p, where, "secretKey");
            }

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
                    OptionalString(p, where, "signatureCase"), new SignatureRecipe.Names(where + ".signatureTemplate", where + ".signatureAlgorithm", where + ".signatureCase"));
            }
            catch (ArgumentException e)
            {
                throw Corrupt(e.Message.TrimEnd('.'), e);
            }

            try
            {
                return new CredentialProfile(entry.Name, new ApiCredential(accessKey, secret, userId, endpoint, signature));
            }
            catch (ArgumentException e)
            {
                throw Corrupt($"'{where}' is not valid: {InvalidValueException.PlainMessage(e)}", e);
            }
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
                        if (Platform.IsWindows) writer.WriteString("secretKeyDpapi", SecretProtector.Protect(c.SecretKey));
                        else writer.WriteString("secretKey", c.SecretKey);
                        writer.WriteString("userId", c.UserId);
                        writer.WriteString("endpoint", PandaponEndpoint.Display(c.Endpoint));
                        writer.WriteString("signatureAlgorithm", RequestSigner.DisplayName(c.Signature.Algorithm));
                        writer.WriteString("signatureCase", c.Signature.Case.ToString());
                        if (c.Signature.Template != SignatureOptions.DefaultTemplate) writer.WriteString("signatureTemplate", c.Signature.Template);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }
                try
                {
                    AtomicFile.Write(FilePath, buffer.ToArray(), BeforeReplace);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new CredentialStoreException(FilePath, $"The credential store '{FilePath}' cannot be written: {e.Message}", e);
                }
            }
        }

        /// <summary>Serialises read-modify-write across processes (parallel runbooks saving profiles at once).</summary>
        private IDisposable AcquireLock()
        {
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
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(50);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new CredentialStoreException(FilePath, $"The credential store '{FilePath}' is locked by another process (lock file '{lockPath}'): {e.Message}", e);
                }
            }
        }

        private CredentialStoreException Corrupt(string problem, Exception? inner = null)
            => new CredentialStoreException(FilePath,
                $"The credential store '{FilePath}' cannot be used: {problem}. Fix or remove the file; Pandapon does not overwrite it.", inner);
    }
}
