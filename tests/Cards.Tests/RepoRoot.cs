namespace TalkBot.Cards.Tests;

internal static class RepoRoot
{
    /// <summary>The folder holding TalkBot.sln, found by walking up from the test binaries.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TalkBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TalkBot.sln not found above " + AppContext.BaseDirectory);
    }
}
