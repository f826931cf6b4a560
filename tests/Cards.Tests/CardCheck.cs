using System.Diagnostics;

namespace TalkBot.Cards.Tests;

/// <summary>Runs tools/cardcheck/check.js, the official adaptivecards parser, on a folder of card JSON files.</summary>
internal static class CardCheck
{
    public sealed record Result(int ExitCode, string Output);

    public static Result Run(string folder)
    {
        var root = RepoRoot.Find();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(root, "tools", "cardcheck", "check.js"));
        start.ArgumentList.Add(folder);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("cardcheck did not finish in 60 s");
        }

        return new Result(process.ExitCode, stdout.Result + stderr.Result);
    }

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "talkbot-cards-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
