using TalkBot.Domain.Quiz;

namespace TalkBot.Bot.Features.Quiz;

/// <summary>Quiz configuration (section <c>Quiz</c>).</summary>
public sealed class QuizOptions
{
    public const string Section = "Quiz";

    /// <summary>Questions drawn per attempt.</summary>
    public int Size { get; set; } = 10;

    /// <summary>A replacement question bank (same format as the shipped <c>Data/quiz.zh-CN.json</c>); empty for the shipped one.</summary>
    public string? BankFile { get; set; }

    public QuestionBank Load(string baseDirectory)
    {
        var path = string.IsNullOrWhiteSpace(BankFile) ? Path.Combine(baseDirectory, QuestionBank.ShippedDataPath)
            : Path.IsPathRooted(BankFile) ? BankFile : Path.Combine(baseDirectory, BankFile);
        using var stream = File.OpenRead(path);
        return QuestionBank.Load(path, stream);
    }
}
