using System.Reflection;

namespace TalkBot.EndToEnd.Tests.Harness;

/// <summary>Where the repository and its build outputs are, seen from the test assembly.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug: the bot is run from the same configuration as the tests.</summary>
    public static string Configuration { get; } =
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string NodeModules => Path.Combine(Root, "node_modules");

    public static string BotAssembly =>
        Path.Combine(Root, "Bot", "bin", Configuration, "net10.0", "TalkBot.Bot.dll");

    /// <summary>The repository's Playground config: the demo people (demo/README.md).</summary>
    public static string PlaygroundConfig => Path.Combine(Root, ".m365agentsplayground.yml");

    public static string PersonaScript => Path.Combine(Root, "tests", "EndToEnd", "Harness", "persona-config.mjs");

    /// <summary>Screenshots and peer logs; git-ignored.</summary>
    public static string Artifacts
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("TALKBOT_E2E_ARTIFACTS")
                ?? Path.Combine(Root, "TestResults", "EndToEnd");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TalkBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"TalkBot.sln not found above {AppContext.BaseDirectory}.");
    }
}
