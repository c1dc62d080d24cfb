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

    [Theory]
    [InlineData("default", true)]
    [InlineData("prod-eu.2", true)]
    [InlineData("", false)]
    [InlineData("-x", false)]
    [InlineData("a b", false)]
    [InlineData("../etc", false)]
    public void ProfileNames(string name, bool valid) => Assert.Equal(valid, CredentialProfile.CheckName(name) == null);
}
