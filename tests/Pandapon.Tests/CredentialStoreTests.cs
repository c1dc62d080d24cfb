using System.Text;
using Pandapon.Client;
using Pandapon.Credentials;
using Xunit;

namespace Pandapon.Tests;

public sealed class CredentialStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pandapon-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private CredentialStore Store() => new(Path.Combine(_root, "pandapon"));

    private static CredentialProfile Profile(string name, string secret = "secret-1", SignatureOptions? signature = null)
        => new(name, new ApiCredential("ak-" + name, secret, "uid-" + name, new Uri("http://127.0.0.1:5000/"), signature));

    [Fact]
    public void NoStoreYet_IsAnEmptyList()
    {
        Assert.Empty(Store().List());
        Assert.Null(Store().Find("default"));
        Assert.False(Directory.Exists(_root), "reading must not create anything");
    }

    [Fact]
    public void ProfilesRoundTrip()
    {
        var custom = new SignatureOptions("{Method}{Path}{SecretKey}", SignatureAlgorithm.HmacSha256, SignatureCase.Lower);
        Assert.False(Store().Save(Profile("default")));
        Assert.False(Store().Save(Profile("prod", "other-secret", custom)));

        var all = Store().List();
        Assert.Equal(new[] { "default", "prod" }, all.Select(p => p.Name));
        var prod = Store().Find("PROD")!;
        Assert.Equal("prod", prod.Name);
        Assert.Equal("ak-prod", prod.Credential.AccessKey);
        Assert.Equal("other-secret", prod.Credential.SecretKey);
        Assert.Equal("uid-prod", prod.Credential.UserId);
        Assert.Equal("http://127.0.0.1:5000/", prod.Credential.Endpoint.AbsoluteUri);
        Assert.Equal(custom.Template, prod.Credential.Signature.Template);
        Assert.Equal(SignatureAlgorithm.HmacSha256, prod.Credential.Signature.Algorithm);
        Assert.Equal(SignatureCase.Lower, prod.Credential.Signature.Case);
        Assert.True(Store().Find("default")!.Credential.Signature.IsDefault);
    }

    [Fact]
    public void TheRecipe_KeepsAnExplicitTemplateAndUnit_AndAProfileWithoutATemplateFollowsTheDefault()
    {
        var keyValueSeconds = new SignatureOptions(SignatureOptions.KeyValueTemplate, SignatureAlgorithm.MD5, SignatureCase.Upper, TimestampUnit.Seconds);
        Store().Save(Profile("old", signature: keyValueSeconds));
        var old = Store().Find("old")!.Credential.Signature;
        Assert.Equal(SignatureOptions.KeyValueTemplate, old.Template);
        Assert.Equal(TimestampUnit.Seconds, old.TimestampUnit);

        // A profile saved by version 0.1 with its default recipe stored no template: it now follows the new default.
        File.WriteAllText(Store().FilePath, """
            {"version":1,"profiles":{"v01":{"accessKey":"ak","secretKey":"sk","userId":"1","endpoint":"https://api.pandapon.com/",
              "signatureAlgorithm":"MD5","signatureCase":"Upper"}}}
            """);
        Assert.True(Store().Find("v01")!.Credential.Signature.IsDefault);
    }

    [Fact]
    public void SavingAgainReplaces_AndRemoveRemoves()
    {
        Store().Save(Profile("default", "first"));
        Assert.True(Store().Save(Profile("default", "second")));
        Assert.Equal("second", Assert.Single(Store().List()).Credential.SecretKey);
        Assert.True(Store().Remove("Default"));
        Assert.False(Store().Remove("default"));
        Assert.Empty(Store().List());
    }

    [Fact]
    public void TheFileIsOwnerOnly_AndANewDirectoryToo()
    {
        if (OperatingSystem.IsWindows()) return;   // Windows: DPAPI and the profile folder's ACL instead
        Store().Save(Profile("default"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Store().FilePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Store().Directory));
    }

    [Fact]
    public void TheFileIsOwnerOnly_EvenWhenItWasWiderBefore()
    {
        if (OperatingSystem.IsWindows()) return;
        Store().Save(Profile("default"));
        File.SetUnixFileMode(Store().FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Store().Save(Profile("prod"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Store().FilePath));
    }

    [Fact]
    public void WritesGoThroughAnOwnerOnlyTemporaryFileRenamedOverTheStore()
    {
        var store = Store();
        store.Save(Profile("default", "old-secret"));
        string? temporary = null;
        store.BeforeReplace = path =>
        {
            temporary = path;
            Assert.Equal(store.Directory, Path.GetDirectoryName(path));
            Assert.Contains("new-secret", File.ReadAllText(path));
            Assert.Contains("old-secret", File.ReadAllText(store.FilePath));   // the store is untouched until the rename
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        };
        store.Save(Profile("default", "new-secret"));
        Assert.NotNull(temporary);
        Assert.False(File.Exists(temporary));
        Assert.Equal("new-secret", Store().Find("default")!.Credential.SecretKey);
    }

    [Fact]
    public void AFailedWriteLeavesTheStoreAsItWas_AndNoTemporaryFile()
    {
        var store = Store();
        store.Save(Profile("default", "old-secret"));
        byte[] before = File.ReadAllBytes(store.FilePath);
        store.BeforeReplace = _ => throw new IOException("disk full");
        var e = Assert.Throws<CredentialStoreException>(() => store.Save(Profile("default", "new-secret")));
        Assert.Contains(store.FilePath, e.Message);
        Assert.Equal(before, File.ReadAllBytes(store.FilePath));
        Assert.Equal(new[] { CredentialStore.FileName, CredentialStore.FileName + ".lock" },
            Directory.GetFiles(store.Directory).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("{ not json", "is not valid JSON")]
    [InlineData("[]", "is not a JSON object")]
    [InlineData("""{"version":1,"profiles":[]}""", "'profiles' is not an object")]
    [InlineData("""{"version":1,"profiles":{"default":{"accessKey":"a","secretKey":"s","userId":7}}}""", "'profiles.default.userId' should be a string")]
    [InlineData("""{"version":1,"profiles":{"default":{"accessKey":"a","userId":"u"}}}""", "'profiles.default.secretKey' is missing")]
    [InlineData("""{"version":1,"profiles":{"default":{"accessKey":"a","secretKey":"s","userId":"u","endpoint":"http://example.com"}}}""", "'profiles.default.endpoint' ('http://example.com') is not valid")]
    [InlineData("""{"version":1,"profiles":{"default":{"accessKey":"a","secretKey":"s","userId":"u","signatureAlgorithm":"SHA512"}}}""", "profiles.default.signatureAlgorithm 'SHA512' is not MD5")]
    [InlineData("""{"version":1,"profiles":{"bad name":{"accessKey":"a","secretKey":"s","userId":"u"}}}""", "the profile name 'bad name' is not valid")]
    [InlineData("""{"version":9,"profiles":{}}""", "newer than this Pandapon understands")]
    public void ACorruptStoreIsAnErrorNamingTheFile_AndIsNeverOverwritten(string content, string problem)
    {
        var store = Store();
        Directory.CreateDirectory(store.Directory);
        File.WriteAllText(store.FilePath, content);

        var read = Assert.Throws<CredentialStoreException>(() => store.List());
        Assert.Contains(store.FilePath, read.Message);
        Assert.Contains(problem, read.Message);
        Assert.Equal(store.FilePath, read.FilePath);

        Assert.Throws<CredentialStoreException>(() => store.Save(Profile("other")));
        Assert.Throws<CredentialStoreException>(() => store.Remove("default"));
        Assert.Equal(content, File.ReadAllText(store.FilePath));
    }

    [Fact]
    public void TheSecretIsStoredInClearOnlyOutsideWindows()
    {
        Store().Save(Profile("default", "visible-only-to-the-owner"));
        string text = File.ReadAllText(Store().FilePath, Encoding.UTF8);
        if (OperatingSystem.IsWindows())
        {
            Assert.DoesNotContain("visible-only-to-the-owner", text);
            Assert.Contains("secretKeyDpapi", text);
        }
        else
        {
            Assert.Contains("\"secretKey\": \"visible-only-to-the-owner\"", text);
        }
    }

    [Fact]
    public void TheDirectoryFollowsPandaponConfigDirThenXdgThenHome()
    {
        Assert.Equal("/x/conf", CredentialStore.DefaultDirectory(name => name == "PANDAPON_CONFIG_DIR" ? "/x/conf" : "/ignored"));
        if (OperatingSystem.IsWindows()) return;
        var env = new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = "/x/xdg", ["HOME"] = "/x/home" };
        Assert.Equal("/x/xdg/pandapon", CredentialStore.DefaultDirectory(n => env.GetValueOrDefault(n)));
        env["XDG_CONFIG_HOME"] = "relative/xdg";   // the XDG spec says to ignore a relative path
        Assert.Equal("/x/home/.config/pandapon", CredentialStore.DefaultDirectory(n => env.GetValueOrDefault(n)));
        env.Remove("XDG_CONFIG_HOME");
        Assert.Equal("/x/home/.config/pandapon", CredentialStore.DefaultDirectory(n => env.GetValueOrDefault(n)));
    }

    private const string OneProfileJson = """{"version":1,"profiles":{"default":{"accessKey":"a","secretKey":"s","userId":"u"}}}""";
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [Fact]
    public void AStoreWithAUtf8ByteOrderMarkIsRead()
    {
        // What Windows PowerShell 5.1's Set-Content -Encoding UTF8 writes.
        var store = Store();
        Directory.CreateDirectory(store.Directory);
        File.WriteAllBytes(store.FilePath, Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(OneProfileJson)).ToArray());
        Assert.Equal("a", Assert.Single(store.List()).Credential.AccessKey);
    }

    [Theory]
    [InlineData("""{"version":1,"profiles":{"default":{"accessKey":"a","secretKey":"s","userId":"u"},"DEFAULT":{"accessKey":"b","secretKey":"s","userId":"u"}}}""", "'default' and 'DEFAULT'")]
    [InlineData("""{"version":1,"profiles":{"default":{"accessKey":"a","secretKey":"s","userId":"u"},"default":{"accessKey":"b","secretKey":"s","userId":"u"}}}""", "'default' and 'default'")]
    public void NamesThatDifferOnlyInLetterCaseAreOneName_SoAStoreHoldingBothIsRefused(string content, string names)
    {
        var store = Store();
        Directory.CreateDirectory(store.Directory);
        File.WriteAllText(store.FilePath, content);

        var e = Assert.Throws<CredentialStoreException>(() => store.List());
        Assert.Contains(store.FilePath, e.Message);
        Assert.Contains(names, e.Message);
        Assert.Throws<CredentialStoreException>(() => store.Find("default"));
        Assert.Throws<CredentialStoreException>(() => store.Remove("default"));
        Assert.Equal(content, File.ReadAllText(store.FilePath));
    }

    [Fact]
    public void RemoveTakesOneProfile_WhateverTheLetterCaseItIsGiven()
    {
        Store().Save(Profile("prod"));
        Store().Save(Profile("default"));
        Assert.True(Store().Save(Profile("DEFAULT", "replaced")));   // one name: saving it again replaces it
        Assert.Equal(new[] { "prod", "DEFAULT" }, Store().List().Select(p => p.Name));
        Assert.True(Store().Remove("Default"));
        Assert.Equal("prod", Assert.Single(Store().List()).Name);
    }

    [Fact]
    public void ASymbolicLinkToTheStoreIsWrittenThrough_AtomicallyBesideItsTarget()
    {
        if (OperatingSystem.IsWindows()) return;   // Windows: a link is refused (see the next test's Windows branch)
        var store = Store();
        string dotfiles = Path.Combine(_root, "dotfiles");
        Directory.CreateDirectory(dotfiles);
        Directory.CreateDirectory(store.Directory);
        string target = Path.Combine(dotfiles, "pandapon.json");
        File.WriteAllText(target, OneProfileJson);
        File.SetUnixFileMode(target, OwnerOnlyFile | UnixFileMode.GroupRead);
        File.CreateSymbolicLink(store.FilePath, "../dotfiles/pandapon.json");   // relative, as dotfile managers make them

        string? temporary = null;
        store.BeforeReplace = path => temporary = path;
        store.Save(Profile("prod"));

        Assert.Equal("../dotfiles/pandapon.json", new FileInfo(store.FilePath).LinkTarget);
        Assert.Equal(dotfiles, Path.GetDirectoryName(temporary));
        Assert.False(File.Exists(temporary));
        Assert.Contains("\"prod\"", File.ReadAllText(target));
        Assert.Equal(new[] { "default", "prod" }, Store().List().Select(p => p.Name));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(target));
    }

    [Fact]
    public void ADanglingSymbolicLinkIsRefusedOnSave_NamingTheLinkAndItsTarget()
    {
        if (OperatingSystem.IsWindows()) return;
        var store = Store();
        Directory.CreateDirectory(store.Directory);
        string target = Path.Combine(_root, "moved-away", "pandapon.json");
        File.CreateSymbolicLink(store.FilePath, target);

        Assert.Empty(store.List());   // nothing to read yet
        var e = Assert.Throws<CredentialStoreException>(() => store.Save(Profile("default")));
        Assert.Contains(store.FilePath, e.Message);
        Assert.Contains($"symbolic link to '{target}', which does not exist", e.Message);
        Assert.False(File.Exists(target));
        Assert.Equal(target, new FileInfo(store.FilePath).LinkTarget);
    }

    [Fact]
    public void AFileOrFolderWiderThanOwnerOnlyIsReadButReported_WithTheChmodToRun()
    {
        if (OperatingSystem.IsWindows()) return;
        var store = Store();
        store.Save(Profile("default"));
        Assert.Null(store.CheckPermissions());

        File.SetUnixFileMode(store.FilePath, OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(store.Directory, OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        Assert.Single(store.List());
        string warning = store.CheckPermissions()!;
        Assert.Contains($"chmod 600 '{store.FilePath}'", warning);
        Assert.Contains($"chmod 700 '{store.Directory}'", warning);
        Assert.Contains("0644", warning);

        store.Save(Profile("prod"));   // the next save fixes both
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(store.FilePath));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(store.Directory));
        Assert.Null(store.CheckPermissions());
    }

    [Fact]
    public void AFolderTheUserChose_IsNeitherReportedNorChanged()
    {
        if (OperatingSystem.IsWindows()) return;
        string chosen = Path.Combine(_root, "chosen");
        Directory.CreateDirectory(chosen);
        var wide = OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(chosen, wide);
        var store = new CredentialStore(chosen, namedBy: "PANDAPON_CONFIG_DIR");
        store.Save(Profile("default"));
        Assert.Null(store.CheckPermissions());
        Assert.Equal(wide, File.GetUnixFileMode(chosen));
    }

    [Fact]
    public void AReadOnlyFolderIsReportedAtOnce_NotAsALockHeldByAnotherProcess()
    {
        using var readOnly = ReadOnlyFolder.Create(Path.Combine(_root, "ro"));
        if (readOnly == null) return;   // neither a read-only mount nor a permission can stop this user here
        var store = new CredentialStore(readOnly.Path);
        var e = Assert.Throws<CredentialStoreException>(() => store.Save(Profile("default")));
        Assert.Contains($"'{readOnly.Path}'", e.Message);
        Assert.Contains("read-only", e.Message);
        Assert.DoesNotContain("locked", e.Message);
    }

    [Fact]
    public void AStoreFolderThatIsAFileIsReportedAsAFile()
    {
        Directory.CreateDirectory(_root);
        string file = Path.Combine(_root, "hostname");
        File.WriteAllText(file, "box\n");
        var store = new CredentialStore(file, namedBy: "PANDAPON_CONFIG_DIR");
        foreach (Action call in new Action[] { () => store.List(), () => store.Save(Profile("default")) })
        {
            var e = Assert.Throws<CredentialStoreException>(call);
            Assert.Contains($"PANDAPON_CONFIG_DIR names '{file}', which is a file, not a folder", e.Message);
        }
        Assert.Equal("box\n", File.ReadAllText(file));
    }

    [Theory]
    [InlineData("default", true)]
    [InlineData("prod-eu.2", true)]
    [InlineData("", false)]
    [InlineData("-x", false)]
    [InlineData("a b", false)]
    [InlineData("../etc", false)]
    public void ProfileNames(string name, bool valid) => Assert.Equal(valid, CredentialProfile.CheckName(name) == null);
}

/// <summary>
/// A folder this process cannot write in: a read-only tmpfs mount when the user may mount (root, as in CI
/// containers, where permissions do not stop writes), else mode 0555; null when neither is possible.
/// </summary>
internal sealed class ReadOnlyFolder : IDisposable
{
    private readonly bool _mounted;

    private ReadOnlyFolder(string path, bool mounted)
    {
        Path = path;
        _mounted = mounted;
    }

    public string Path { get; }

    public static ReadOnlyFolder? Create(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        Directory.CreateDirectory(path);
        if (Environment.UserName != "root")
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            return new ReadOnlyFolder(path, mounted: false);
        }
        return Run("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", path) ? new ReadOnlyFolder(path, mounted: true) : null;
    }

    public void Dispose()
    {
        if (_mounted) Run("umount", Path);
        else if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static bool Run(string file, params string[] arguments)
    {
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string argument in arguments) start.ArgumentList.Add(argument);
            using var process = System.Diagnostics.Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;   // no such program
        }
    }
}
