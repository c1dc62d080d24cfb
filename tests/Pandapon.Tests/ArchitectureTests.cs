using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Pandapon.Tests;

/// <summary>
/// The arrows between the module's folders (docs/internals.md, "Layout"), read from each source file's using lines
/// and namespace-qualified names, so a wrong dependency fails here rather than in a review.
/// </summary>
public class ArchitectureTests
{
    /// <summary>Folder -> the namespaces of ours it may use (besides its own). Pandapon.Api is the Client's public error types.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Models"] = Array.Empty<string>(),
        ["Values"] = Array.Empty<string>(),
        ["Client"] = new[] { "Pandapon.Api", "Pandapon.Client", "Pandapon.Values" },
        ["Endpoints"] = new[] { "Pandapon.Api", "Pandapon.Client", "Pandapon.Values", "Pandapon.Models" },
        ["Batching"] = new[] { "Pandapon.Api", "Pandapon.Client" },
        ["Credentials"] = new[] { "Pandapon.Api", "Pandapon.Client", "Pandapon.Values", "Pandapon.Models" },
        ["Messages"] = new[] { "Pandapon.Api", "Pandapon.Client", "Pandapon.Values", "Pandapon.Models" },
    };

    private static readonly Regex OurNamespace = new(@"\bPandapon\.(Api|Client|Values|Endpoints|Batching|Credentials|Messages|Models|Commands|Conversion)\b");

    internal static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pandapon.sln"))) return Path.Combine(dir.FullName, "src", "Pandapon");
        }
        throw new InvalidOperationException("The repository root (Pandapon.sln) was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every namespace of ours, and System.Management.Automation, that <paramref name="source"/> names outside comments.</summary>
    internal static IEnumerable<string> Dependencies(string source)
    {
        foreach (string raw in source.Split('\n'))
        {
            string line = raw.Trim();
            if (line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith("namespace ", StringComparison.Ordinal)) continue;
            if (line.Contains("System.Management.Automation")) yield return "System.Management.Automation";
            foreach (Match m in OurNamespace.Matches(line)) yield return m.Value;
        }
    }

    public static IEnumerable<object[]> Folders() => Allowed.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Folders))]
    public void EachFolder_UsesOnlyWhatItsArrowsAllow(string folder)
    {
        string own = "Pandapon." + folder;
        var wrong = new List<string>();
        string[] files = Directory.GetFiles(Path.Combine(SourceRoot(), folder), "*.cs");
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            foreach (string used in Dependencies(File.ReadAllText(file)).Distinct())
            {
                bool ownNamespace = used == own || (folder == "Client" && used == "Pandapon.Api");
                if (!ownNamespace && !Allowed[folder].Contains(used)) wrong.Add($"{folder}/{Path.GetFileName(file)} uses {used}");
            }
        }
        Assert.True(wrong.Count == 0, "Wrong arrows:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void TheCheck_SeesAUsingLine_AndAQualifiedName_ButNotAComment()
    {
        Assert.Equal(new[] { "Pandapon.Api" }, Dependencies("using Pandapon.Api;\nnamespace Pandapon.Models\n{").ToArray());
        Assert.Equal(new[] { "Pandapon.Client" }, Dependencies("    var x = Pandapon.Client.Platform.IsNetFramework;").ToArray());
        Assert.Equal(new[] { "System.Management.Automation" }, Dependencies("using System.Management.Automation.Runspaces;").ToArray());
        Assert.Equal(new[] { "Pandapon.Messages" }, Dependencies("using Pandapon.Messages;").ToArray());
        Assert.Empty(Dependencies("// see Pandapon.Commands for the cmdlets"));
    }

    /// <summary>The layers below the cmdlets never spell a parameter name: the caller passes names in (ParameterNames, SignatureRecipe.Names).</summary>
    [Theory]
    [InlineData("Client")]
    [InlineData("Values")]
    [InlineData("Endpoints")]
    [InlineData("Messages")]
    public void LayersBelowTheCmdlets_SpellNoParameterName(string folder)
    {
        var parameterName = new Regex("\"-[A-Z][a-zA-Z]*\"");
        var found = Directory.GetFiles(Path.Combine(SourceRoot(), folder), "*.cs")
            .SelectMany(file => File.ReadAllLines(file).Select((line, i) => (file, line, i)))
            .Where(x => parameterName.IsMatch(x.line))
            .Select(x => $"{folder}/{Path.GetFileName(x.file)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, "Parameter names spelled below the cmdlet layer:\n" + string.Join("\n", found));
    }
}
