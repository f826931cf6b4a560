namespace TalkBot.Domain.Statistics;

/// <summary>The sum of the figures of some cells, with what is worked out from them (rates, averages).</summary>
public sealed class MonthFigures
{
    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Counts => counts;

    public long this[string figure] => counts.GetValueOrDefault(figure);

    public void Add(string figure, long amount)
    {
        if (amount != 0)
        {
            counts[figure] = counts.GetValueOrDefault(figure) + amount;
        }
    }

    public void Add(IEnumerable<KeyValuePair<string, long>> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        foreach (var (figure, amount) in figures)
        {
            Add(figure, amount);
        }
    }

    /// <summary>Carried out over scheduled (<see cref="StatisticsRules.CompletionRate"/>).</summary>
    public double? CompletionRate => StatisticsRules.CompletionRate(this[Figures.Completed], this[Figures.Scheduled]);

    public double? AverageScore => StatisticsRules.AverageScore(this[Figures.QuizScore], this[Figures.QuizTaken]);
}
