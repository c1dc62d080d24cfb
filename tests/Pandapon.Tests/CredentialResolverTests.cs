using Pandapon.Client;
using Pandapon.Credentials;
using Pandapon.Models;
using Xunit;

namespace Pandapon.Tests;

/// <summary>Each step of the credential precedence (about_Pandapon), shown by taking away the step above it.</summary>
public sealed class CredentialResolverTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pandapon-resolver-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _env = new();
    private readonly CredentialStore _store;

    public CredentialResolverTests()
    {
        _store = new CredentialStore(_root);
        _store.Save(new CredentialProfile("default", Credential("from-default")));
        _store.Save(new CredentialProfile("named", Credential("from-named")));
        _store.Save(new CredentialProfile("env-named", Credential("from-env-named")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static ApiCredential Credential(string accessKey) => new(accessKey, "secret-" + accessKey, "user-" + accessKey);

    private CredentialResolver Resolver() => new(_store, name => _env.GetValueOrDefault(name));

    private void SetEnvironmentKeys()
    {
        _env["PANDAPON_ACCESS_KEY"] = "from-env";
        _env["PANDAPON_SECRET_KEY"] = "secret-env";
        _env["PANDAPON_USER_ID"] = "user-env";
    }

    private ResolvedCredential Resolve(bool parameters, bool profileName, bool session)
        => Resolver().Resolve(parameters ? Credential("from-parameters") : null, profileName ? "named" : null,
            session ? new ResolvedCredential(Credential("from-session"), CredentialSource.Session) : null);

    [Fact]
    public void EachStepWinsOverTheOnesBelowIt()
    {
        SetEnvironmentKeys();
        _env["PANDAPON_PROFILE"] = "env-named";

        var r = Resolve(parameters: true, profileName: true, session: true);
        Assert.Equal((CredentialSource.Parameter, "from-parameters"), (r.Source, r.Credential.AccessKey));

        r = Resolve(parameters: false, profileName: true, session: true);
        Assert.Equal((CredentialSource.ProfileName, "from-named", "named"), (r.Source, r.Credential.AccessKey, r.ProfileName));
        Assert.Equal(_store.FilePath, r.StorePath);

        r = Resolve(parameters: false, profileName: false, session: true);
        Assert.Equal((CredentialSource.Session, "from-session"), (r.Source, r.Credential.AccessKey));

        r = Resolve(parameters: false, profileName: false, session: false);
        Assert.Equal((CredentialSource.Environment, "from-env", "user-env", "secret-env"), (r.Source, r.Credential.AccessKey, r.Credential.UserId, r.Credential.SecretKey));

        _env.Remove("PANDAPON_ACCESS_KEY");
        _env.Remove("PANDAPON_SECRET_KEY");
        r = Resolve(parameters: false, profileName: false, session: false);
        Assert.Equal((CredentialSource.EnvironmentProfile, "from-env-named"), (r.Source, r.Credential.AccessKey));

        _env.Remove("PANDAPON_PROFILE");
        r = Resolve(parameters: false, profileName: false, session: false);
        Assert.Equal((CredentialSource.DefaultProfile, "from-default"), (r.Source, r.Credential.AccessKey));

        _store.Remove("default");
        var none = Assert.Throws<PandaponCredentialException>(() => Resolve(parameters: false, profileName: false, session: false));
        Assert.Equal(PandaponCredentialException.NoCredentials, none.ErrorId);
        Assert.Contains(_store.FilePath, none.Message);
        Assert.Contains("Set-PandaponCredential", none.Message);
    }

    [Fact]
    public void AMissingProfileNameIsAnError_NotAFallBack()
    {
        var e = Assert.Throws<PandaponCredentialException>(() => Resolver().Resolve(null, "nope", null));
        Assert.Equal(PandaponCredentialException.ProfileNotFound, e.ErrorId);
        Assert.Contains("-ProfileName names the profile 'nope'", e.Message);
        Assert.Contains(_store.FilePath, e.Message);
        Assert.Contains("Saved profiles: default, named, env-named", e.Message);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a b")]
    [InlineData("[")]
    public void AProfileNameThatCouldNeverBeSaved_IsRefusedWithoutSuggestingToSaveIt(string name)
    {
        var e = Assert.Throws<PandaponCredentialException>(() => Resolver().Resolve(null, name, null));
        Assert.Equal(PandaponCredentialException.InvalidProfileName, e.ErrorId);
        Assert.Contains($"-ProfileName '{name}' is not a valid profile name", e.Message);
        Assert.DoesNotContain("-StoreAs", e.Message);
    }

    [Fact]
    public void TheHintToSaveAMissingProfileQuotesItsName_SoPowerShellCannotReadItAsANumber()
    {
        var e = Assert.Throws<PandaponCredentialException>(() => Resolver().Resolve(null, "1e3", null));
        Assert.Contains("-StoreAs '1e3'", e.Message);
    }

    [Fact]
    public void AMissingPandaponProfileIsAnError_NotAFallBackToDefault()
    {
        _env["PANDAPON_PROFILE"] = "nope";
        var e = Assert.Throws<PandaponCredentialException>(() => Resolver().Resolve(null, null, null));
        Assert.Equal(PandaponCredentialException.ProfileNotFound, e.ErrorId);
        Assert.Contains("PANDAPON_PROFILE names the profile 'nope'", e.Message);
    }

    [Theory]
    [InlineData("PANDAPON_ACCESS_KEY", "PANDAPON_SECRET_KEY or PANDAPON_USER_ID")]
    [InlineData("PANDAPON_SECRET_KEY", "PANDAPON_ACCESS_KEY or PANDAPON_USER_ID")]
    public void HalfAnEnvironmentIsAnError(string onlyVariable, string missing)
    {
        _env[onlyVariable] = "x";
        var e = Assert.Throws<PandaponCredentialException>(() => Resolver().Resolve(null, null, null));
        Assert.Equal(PandaponCredentialException.InvalidEnvironment, e.ErrorId);
        Assert.Contains($"sets {onlyVariable} but not {missing}", e.Message);
    }

    [Fact]
    public void TheEnvironmentMayNameTheEndpointAndTheRecipe()
    {
        SetEnvironmentKeys();
        _env["PANDAPON_ENDPOINT"] = "http://127.0.0.1:8123";
        _env["PANDAPON_SIGNATURE_ALGORITHM"] = "sha256";
        _env["PANDAPON_SIGNATURE_CASE"] = "lower";
        _env["PANDAPON_TIMESTAMP_UNIT"] = "Seconds";
        var r = Resolver().Resolve(null, null, null);
        Assert.Equal(TimestampUnit.Seconds, r.Credential.Signature.TimestampUnit);
        Assert.Equal("http://127.0.0.1:8123/", r.Credential.Endpoint.AbsoluteUri);
        Assert.Equal(SignatureAlgorithm.SHA256, r.Credential.Signature.Algorithm);
        Assert.Equal(SignatureCase.Lower, r.Credential.Signature.Case);
    }

    [Theory]
    [InlineData("PANDAPON_ENDPOINT", "http://example.com", "PANDAPON_ENDPOINT 'http://example.com' is not a valid PandaPon endpoint")]
    [InlineData("PANDAPON_SIGNATURE_ALGORITHM", "SHA512", "PANDAPON_SIGNATURE_ALGORITHM 'SHA512' is not MD5, SHA1, SHA256 or HMAC-SHA256")]
    [InlineData("PANDAPON_SIGNATURE_CASE", "1", "PANDAPON_SIGNATURE_CASE '1' is not Upper or Lower")]
    [InlineData("PANDAPON_SIGNATURE_TEMPLATE", "{Secret}", "PANDAPON_SIGNATURE_TEMPLATE '{Secret}' is not valid")]
    [InlineData("PANDAPON_TIMESTAMP_UNIT", "minutes", "PANDAPON_TIMESTAMP_UNIT 'minutes' is not Milliseconds or Seconds")]
    public void ABadEnvironmentValueIsNamed(string variable, string value, string message)
    {
        SetEnvironmentKeys();
        _env[variable] = value;
        var e = Assert.Throws<PandaponCredentialException>(() => Resolver().Resolve(null, null, null));
        Assert.StartsWith(message, e.Message);
        Assert.DoesNotContain("(Parameter", e.Message);
    }

    [Fact]
    public void TheStoreIsNotReadWhenAHigherStepAnswers()
    {
        File.WriteAllText(_store.FilePath, "{ corrupt");
        SetEnvironmentKeys();
        Assert.Equal(CredentialSource.Environment, Resolver().Resolve(null, null, null).Source);
        Assert.Throws<CredentialStoreException>(() => Resolver().Resolve(null, "named", null));
    }
}
