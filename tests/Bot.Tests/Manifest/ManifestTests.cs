using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using TalkBot.Bot.Tests.Support;

namespace TalkBot.Bot.Tests.Manifest;

/// <summary>The Teams app manifest against the official schema (from @microsoft/app-manifest), and its package.</summary>
public sealed class ManifestTests : IDisposable
{
    private readonly string temp = System.IO.Directory.CreateTempSubdirectory("talkbot-manifest-").FullName;

    public void Dispose() => System.IO.Directory.Delete(temp, recursive: true);

    private static (int Code, string Output) Node(params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot.Path };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(60_000);
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private string CopyManifest()
    {
        var copy = Path.Combine(temp, "manifest");
        System.IO.Directory.CreateDirectory(copy);
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(RepoRoot.Path, "manifest")))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    [Fact]
    public void Manifest_IsValidAgainstTheOfficialSchema()
    {
        var (code, output) = Node("tools/manifest/validate.js");

        Assert.True(code == 0, output);
        Assert.Contains("valid against the Teams schema", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_WithoutARequiredField_IsRejected()
    {
        var copy = CopyManifest();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(copy, "manifest.json")))!.AsObject();
        manifest.Remove("developer");
        File.WriteAllText(Path.Combine(copy, "manifest.json"), manifest.ToJsonString());

        var (code, output) = Node("tools/manifest/validate.js", copy);

        Assert.Equal(1, code);
        Assert.Contains("developer", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_WithAWrongSizedIcon_IsRejected()
    {
        var copy = CopyManifest();
        File.Copy(Path.Combine(copy, "outline.png"), Path.Combine(copy, "color.png"), overwrite: true);

        var (code, output) = Node("tools/manifest/validate.js", copy);

        Assert.Equal(1, code);
        Assert.Contains("192×192", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_HoldsTheManifestIconsAndLocalisation_WithIdsFilledIn()
    {
        var zip = Path.Combine(temp, "TalkBot.zip");

        var (code, output) = Node("tools/manifest/package.js", Path.Combine(RepoRoot.Path, "manifest"), zip);

        Assert.True(code == 0, output);
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "en-us.json", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order());
        using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
        var manifest = reader.ReadToEnd();
        Assert.DoesNotContain("${{", manifest, StringComparison.Ordinal);
        Assert.Equal("personal", JsonNode.Parse(manifest)!["bots"]![0]!["scopes"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Package_HasAPersonalTab_OnTheBotsHost_WithSsoForTheBotsOwnApi()
    {
        var zip = Path.Combine(temp, "TalkBot.zip");

        var (code, output) = Node("tools/manifest/package.js", Path.Combine(RepoRoot.Path, "manifest"), zip);

        Assert.True(code == 0, output);
        using var archive = ZipFile.OpenRead(zip);
        using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(reader.ReadToEnd())!;
        var tab = manifest["staticTabs"]![0]!;
        var botId = manifest["bots"]![0]!["botId"]!.GetValue<string>();
        var contentUrl = new Uri(tab["contentUrl"]!.GetValue<string>());
        Assert.Equal("personal", tab["scopes"]![0]!.GetValue<string>());
        Assert.Equal("/tab/", contentUrl.AbsolutePath);
        Assert.Equal(botId, manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal($"api://{contentUrl.Host}/{botId}", manifest["webApplicationInfo"]!["resource"]!.GetValue<string>());
        Assert.Contains(contentUrl.Host, manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
    }
}
