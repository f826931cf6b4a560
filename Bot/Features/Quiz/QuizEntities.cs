namespace TalkBot.Bot.Features.Quiz;

// Rows of the Talks table (keys in Talks/TalkRows.cs).
/// <summary>Row <c>quiz|{talkeeId}</c>: attempts started and retakes allowed (guards the next attempt by ETag).</summary>
public sealed class QuizTrackEntity : TableRow
{
    public string Talkee { get; set; } = "";
    public int Attempts { get; set; }
    public int RetakesAllowed { get; set; }
}

/// <summary>Row <c>quiza|{talkeeId}|{nn}</c>: one attempt. Written when started, updated once when submitted.</summary>
public sealed class QuizAttemptEntity : TableRow
{
    public string Talkee { get; set; } = "";
    public int Number { get; set; }
    /// <summary>Question ids in the order shown, comma-separated.</summary>
    public string Questions { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    /// <summary><c>q001=A;q002=A,C</c>: each question id with the option keys chosen.</summary>
    public string? Answers { get; set; }
    public int Score { get; set; }
    public string? SubmittedByActivity { get; set; }
}
