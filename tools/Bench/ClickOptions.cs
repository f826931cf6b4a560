using System.Globalization;

namespace TalkBot.Bench;

/// <summary>
/// The clicks scenario (issue 12): <c>--people</c> in the organisation (or <c>--compare 250,10000</c>, one run per
/// size), <c>--cadres</c> with a notice each, <c>--per-talk</c> talkees per talk (20: collective talks; 1: individual),
/// <c>--raw-rounds</c> point read + merge rounds per raw Azurite worker, <c>--settle</c> seconds without a send that
/// count as "the background work is done". The organisation files are written to <see cref="WorkDirectory"/>, this
/// process's own, removed at the end.
/// </summary>
internal sealed record ClickOptions(
    string Tables, string BotDll, IReadOnlyList<int> People, int Cadres, int PerTalk, int RawRounds, TimeSpan Settle, string WorkDirectory)
{
    /// <summary>People, besides the cadres, whom the organisation needs: the organiser, the talker, the recorder, the bureau secretary.</summary>
    public const int Officials = 4;

    public static ClickOptions Parse(string[] args)
    {
        string? Value(string name) => BenchArguments.Value(args, name);
        int Number(string name, int otherwise) => int.Parse(Value(name) ?? otherwise.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        var people = Value("--compare") is { } sizes
            ? sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList()
            : [Number("--people", 10_000)];
        var options = new ClickOptions(
            Value("--tables") ?? throw new ArgumentException("--tables CONNECTION is required"),
            Path.GetFullPath(Value("--bot") ?? throw new ArgumentException("--bot PATH is required")),
            people,
            Number("--cadres", 200),
            Number("--per-talk", 20),
            Number("--raw-rounds", 5),
            TimeSpan.FromSeconds(Number("--settle", 5)),
            Path.Combine(Path.GetTempPath(), $"talkbot-clicks-{Environment.ProcessId}"));
        if (options.Cadres < 1 || options.PerTalk < 1 || options.RawRounds < 1 || options.People.Count == 0)
        {
            throw new ArgumentException("--cadres, --per-talk and --raw-rounds are at least 1; --compare names at least one size");
        }

        if (options.People.Min() < options.Cadres + Officials)
        {
            throw new ArgumentException($"--people must be at least --cadres + {Officials} (the organiser, talker, recorder and bureau secretary)");
        }

        return options;
    }
}
