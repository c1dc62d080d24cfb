using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Pandapon.Client;
using Xunit;

namespace Pandapon.Tests;

/// <summary>The manifest's explicit export list must name exactly the cmdlets compiled into Pandapon.dll.</summary>
public class ManifestTests
{
    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Pandapon.psd1"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Pandapon.psd1 not found above " + AppContext.BaseDirectory);
    }

    internal static SortedSet<string> ManifestCmdlets()
    {
        string psd1 = File.ReadAllText(Path.Combine(RepoRoot(), "Pandapon.psd1"));
        var block = Regex.Match(psd1, @"CmdletsToExport\s*=\s*@\((?<list>[^)]*)\)");
        Assert.True(block.Success, "CmdletsToExport = @(...) not found in Pandapon.psd1");
        return new SortedSet<string>(Regex.Matches(block.Groups["list"].Value, "'([^']+)'").Select(m => m.Groups[1].Value), StringComparer.Ordinal);
    }

    /// <summary>Reads [Cmdlet(verb, noun)] from the dll's metadata, so System.Management.Automation need not load here.</summary>
    internal static SortedSet<string> CompiledCmdlets()
    {
        string dll = typeof(Pandapon.Client.RequestSigner).Assembly.Location;
        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var typeHandle in md.TypeDefinitions)
        {
            foreach (var attrHandle in md.GetTypeDefinition(typeHandle).GetCustomAttributes())
            {
                var attr = md.GetCustomAttribute(attrHandle);
                if (attr.Constructor.Kind != HandleKind.MemberReference) continue;
                var ctor = md.GetMemberReference((MemberReferenceHandle)attr.Constructor);
                if (ctor.Parent.Kind != HandleKind.TypeReference) continue;
                var type = md.GetTypeReference((TypeReferenceHandle)ctor.Parent);
                if (md.GetString(type.Name) != "CmdletAttribute") continue;
                var blob = md.GetBlobReader(attr.Value);
                Assert.Equal(1, blob.ReadUInt16()); // custom attribute prolog
                string verb = blob.ReadSerializedString()!;
                string noun = blob.ReadSerializedString()!;
                names.Add(verb + "-" + noun);
            }
        }
        return names;
    }

    [Fact]
    public void ManifestExportsExactlyTheCompiledCmdlets()
    {
        var compiled = CompiledCmdlets();
        Assert.NotEmpty(compiled);
        Assert.Equal(compiled, ManifestCmdlets());
    }

    /// <summary>A verb is one capitalised word, or ConvertFrom/ConvertTo (PowerShell's approved compound verbs).</summary>
    [Fact]
    public void TheReleaseNotesNameEveryExportedCmdlet()
    {
        string psd1 = File.ReadAllText(Path.Combine(RepoRoot(), "Pandapon.psd1"));
        var notes = Regex.Match(psd1, @"ReleaseNotes\s*=\s*@?'(?<text>(?:[^']|'')*)'");
        Assert.True(notes.Success, "ReleaseNotes = '...' not found in Pandapon.psd1");
        Assert.All(ManifestCmdlets(), name => Assert.Contains(name, notes.Groups["text"].Value));
    }

    [Fact]
    public void EveryCmdletIsAPandaponCmdlet()
        => Assert.All(CompiledCmdlets(), name => Assert.Matches("^([A-Z][a-z]+|ConvertFrom|ConvertTo)-Pandapon[A-Za-z]*$", name));
}
