using System.Text.Json;
using System.Text.Json.Serialization;

namespace TalkBot.Domain.Quiz;

/// <summary>The regulation a quiz question comes from (issue list of 廉政常识 topics).</summary>
public enum QuizSource
{
    /// <summary>中央八项规定精神</summary>
    EightPointRegulation,
    /// <summary>六项纪律</summary>
    SixDisciplines,
    /// <summary>监督执纪“四种形态”</summary>
    FourForms,
    /// <summary>《中国共产党廉洁自律准则》</summary>
    IntegrityCode,
    /// <summary>《领导干部报告个人有关事项规定》</summary>
    PersonalMattersReporting,
    /// <summary>民主集中制</summary>
    DemocraticCentralism,
    /// <summary>“三重一大”制度</summary>
    ThreeImportantOneLarge,
}

public enum QuestionType
{
    Single,
    Multiple,
}

public sealed record QuizOption(string Key, string Text);

/// <summary>One question of the 廉政常识测试 with its answer and the regulation it comes from.</summary>
public sealed record QuizQuestion(
    string Id,
    QuizSource Source,
    QuestionType Type,
    string Text,
    IReadOnlyList<QuizOption> Options,
    IReadOnlySet<string> Answer,
    string? Explanation)
{
    public bool HasOption(string key) => Options.Any(o => o.Key == key);

    /// <summary>A multiple-choice question counts only when exactly the right options are chosen.</summary>
    public bool IsCorrect(IReadOnlySet<string> chosen) => chosen.SetEquals(Answer);
}

/// <summary>
/// The question bank, shipped as data (<c>Data/quiz.zh-CN.json</c>) so that the discipline office can replace it
/// without a rebuild. <see cref="Load"/> checks every question and reports every problem at once.
/// </summary>
public sealed class QuestionBank
{
    public const string ShippedDataPath = "Data/quiz.zh-CN.json";

    private readonly Dictionary<string, QuizQuestion> byId;

    private QuestionBank(IReadOnlyList<QuizQuestion> questions)
    {
        Questions = questions;
        byId = questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<QuizQuestion> Questions { get; }

    public QuizQuestion? Find(string id) => byId.GetValueOrDefault(id);

    public static QuestionBank Of(IReadOnlyList<QuizQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var problems = new List<string>();
        Check(questions, problems);
        return problems.Count > 0
            ? throw new InvalidDataException("The question bank is not valid:\n" + string.Join('\n', problems))
            : new QuestionBank(questions);
    }

    /// <exception cref="InvalidDataException">The file is not a valid bank; the message lists every problem.</exception>
    public static QuestionBank Load(string fileName, Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        BankFile? file;
        try
        {
            file = JsonSerializer.Deserialize<BankFile>(content, FileOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{fileName}: not a valid question bank (line {e.LineNumber + 1}): {e.Message}", e);
        }

        if (file?.Questions is not { Count: > 0 } rows)
        {
            throw new InvalidDataException($"{fileName}: expected an object with a non-empty \"questions\" array");
        }

        var problems = new List<string>();
        var questions = new List<QuizQuestion>();
        foreach (var (row, index) in rows.Select((r, i) => (r, i + 1)))
        {
            var where = $"{fileName}: question {index} ({row.Id ?? "no id"})";
            if (row.Source is null || row.Type is null || row.Options is null || row.Answer is null)
            {
                problems.Add($"{where}: id, source, type, text, options and answer are all required");
                continue;
            }

            questions.Add(new QuizQuestion(
                row.Id ?? "",
                row.Source.Value,
                row.Type.Value,
                row.Text ?? "",
                [.. row.Options.Select(o => new QuizOption(o.Key ?? "", o.Text ?? ""))],
                row.Answer.ToHashSet(StringComparer.Ordinal),
                row.Explanation));
        }

        Check(questions, problems);
        return problems.Count > 0
            ? throw new InvalidDataException($"{fileName} is not a valid question bank:\n" + string.Join('\n', problems))
            : new QuestionBank(questions);
    }

    /// <summary>
    /// Draws <paramref name="size"/> distinct questions at random. Sources take turns so that a short quiz still
    /// covers as many regulations as it can; the order within the quiz is shuffled too.
    /// </summary>
    public IReadOnlyList<string> Draw(int size, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        size = Math.Min(size, Questions.Count);
        var pools = Questions.GroupBy(q => q.Source)
            .Select(g => new Queue<QuizQuestion>(g.OrderBy(_ => random.Next())))
            .OrderBy(_ => random.Next())
            .ToList();
        var drawn = new List<string>(size);
        while (drawn.Count < size)
        {
            foreach (var pool in pools.Where(p => p.Count > 0))
            {
                drawn.Add(pool.Dequeue().Id);
                if (drawn.Count == size)
                {
                    break;
                }
            }
        }

        return [.. drawn.OrderBy(_ => random.Next())];
    }

    private static void Check(IReadOnlyList<QuizQuestion> questions, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in questions)
        {
            var where = $"question {q.Id}";
            if (string.IsNullOrWhiteSpace(q.Id) || !q.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                problems.Add($"{where}: the id must be letters, digits, '-' or '_'");
            }
            else if (!seen.Add(q.Id))
            {
                problems.Add($"{where}: the id is used twice");
            }

            if (string.IsNullOrWhiteSpace(q.Text))
            {
                problems.Add($"{where}: no text");
            }

            if (q.Options.Count < 2 || q.Options.Any(o => string.IsNullOrWhiteSpace(o.Key) || string.IsNullOrWhiteSpace(o.Text)))
            {
                problems.Add($"{where}: at least two options, each with a key and a text");
            }

            if (q.Options.Select(o => o.Key).Distinct(StringComparer.Ordinal).Count() != q.Options.Count)
            {
                problems.Add($"{where}: two options share a key");
            }

            if (q.Answer.Count == 0 || q.Answer.Any(a => !q.HasOption(a)))
            {
                problems.Add($"{where}: the answer must name options of the question");
            }

            if (q.Type == QuestionType.Single && q.Answer.Count != 1)
            {
                problems.Add($"{where}: a single-choice question has exactly one answer");
            }

            if (q.Type == QuestionType.Multiple && q.Answer.Count < 2)
            {
                problems.Add($"{where}: a multiple-choice question has at least two answers");
            }
        }
    }

    private static readonly JsonSerializerOptions FileOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private sealed record BankFile(List<QuestionRow>? Questions);

    private sealed record QuestionRow(
        string? Id, QuizSource? Source, QuestionType? Type, string? Text, List<OptionRow>? Options, List<string>? Answer, string? Explanation);

    private sealed record OptionRow(string? Key, string? Text);
}
