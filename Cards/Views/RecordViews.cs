using TalkBot.Domain;
using TalkBot.Domain.Quiz;
using TalkBot.Domain.Records;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.Views;

/// <summary>The quiz line of a routine talk's notice: whether the talkee may start it, and the score once taken.</summary>
public sealed record NoticeQuiz(bool CanStart, int? Score = null, int? Total = null);

/// <summary>
/// The 廉政常识测试 to answer (000 §三). <see cref="Previous"/> re-shows the answers given when they were refused;
/// <see cref="Errors"/> say why.
/// </summary>
public sealed record QuizView(
    TalkId TalkId,
    int Attempt,
    DateTimeOffset TalkScheduled,
    IReadOnlyList<QuizQuestion> Questions,
    IReadOnlyDictionary<string, IReadOnlySet<string>>? Previous = null,
    IReadOnlyList<string>? Errors = null);

/// <summary>The talkee's result: the score and, for every question, their answer, the correct one and its source.</summary>
public sealed record QuizResultView(
    TalkId TalkId,
    int Attempt,
    int Score,
    int Total,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<QuizQuestion> Questions,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Answers);

/// <summary>
/// Told to the talkers and the organiser before the talk: a talkee's score. <see cref="CanAllowRetake"/> offers the
/// organiser 允许重新测试; <see cref="RetakeAllowed"/> says one was allowed and not yet used.
/// </summary>
public sealed record QuizScoreView(
    TalkId TalkId,
    PersonId Talkee,
    string TalkeeName,
    int Attempt,
    int Score,
    int Total,
    DateTimeOffset SubmittedAt,
    DateTimeOffset TalkScheduled,
    bool CanAllowRetake,
    bool RetakeAllowed);

/// <summary>A talkee of the talk as the record form shows them, in the talk's order.</summary>
public sealed record RecordTalkee(PersonId Id, string Name);

/// <summary>
/// The people a record form offers: a short list for each of its person fields (the rest are found by typeahead), and the
/// talkers the talk was notified with, who may have delegated it (000 §二).
/// </summary>
public sealed record RecordChoices(IReadOnlyList<PersonChoice> Talkers, IReadOnlyList<PersonChoice> Delegators, IReadOnlyList<PersonChoice> Recorders);

/// <summary>A talkee's dispute of the current version, shown to the recorder who revises it.</summary>
public sealed record DisputeView(string TalkeeName, string Comment, DateTimeOffset At);

/// <summary>
/// The record form (《层级廉政谈话登记表》, 000 §四(一)4), prefilled from the talk or from the version it revises.
/// <see cref="Values"/> are the inputs by id (<c>RecordFields</c>); <see cref="FormId"/> makes a repeated submit
/// one version.
/// </summary>
public sealed record RecordFormView(
    TalkId TalkId,
    TalkKind Kind,
    DateTimeOffset Scheduled,
    string PlannedPlace,
    IReadOnlyList<RecordTalkee> Talkees,
    IReadOnlyList<PersonChoice> Talkers,
    IReadOnlyList<PersonChoice> Delegators,
    IReadOnlyList<PersonChoice> Recorders,
    IReadOnlyDictionary<string, string?> Values,
    string FormId,
    int? Revises = null,
    IReadOnlyList<DisputeView>? Disputes = null,
    IReadOnlyList<string>? Errors = null,
    IReadOnlyList<RecordQuiz>? Quizzes = null,
    IReadOnlyList<RecordAttendance>? Attendance = null);

/// <summary>
/// A talkee on the record form as attendance goes (000 §四(五)1): recorded absent without leave already, or not; and
/// whether the viewer may record them absent now (the recorder or a talker, once the talk's time has come).
/// </summary>
public sealed record RecordAttendance(PersonId Talkee, string Name, bool Absent, bool MayRecord);

/// <summary>
/// Whether a talkee of a routine talk took the 廉政常识测试 before it (000 §三), with the last score when one was submitted;
/// shown on the record form.
/// </summary>
public sealed record RecordQuiz(string TalkeeName, bool Taken, int? Score = null, int? Total = null);

/// <summary>What one version says about one talkee, with that talkee's verification.</summary>
public sealed record RecordPartView(
    string TalkeeName,
    string? Problems,
    string? Explanation,
    string? Requirements,
    bool RectificationRequired,
    IReadOnlyList<string> RectificationItems,
    VerificationDecision? Decision,
    string? Comment,
    DateTimeOffset? DecidedAt);

/// <summary>Who may do what on the record card shown.</summary>
public enum RecordCardMode
{
    /// <summary>Read only (talkers, discipline office, a talkee who has answered).</summary>
    View,
    /// <summary>The talkee verifies their part: 确认无误 / 有异议.</summary>
    Verify,
    /// <summary>The recorder: may revise.</summary>
    Recorder,
}

/// <summary>One version of a talk record as a card shows it.</summary>
public sealed record RecordView(
    TalkId TalkId,
    TalkKind Kind,
    int Version,
    RecordStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string Place,
    TalkFormat Format,
    string LeadTalker,
    IReadOnlyList<string> JointTalkers,
    string? DelegatedBy,
    string Recorder,
    IReadOnlyList<int> Checklist,
    IReadOnlyList<RecordPartView> Parts,
    string Author,
    DateTimeOffset LoggedAt,
    IReadOnlyList<string> ChangedFields,
    RecordCardMode Mode,
    string? Notice = null);

public enum TodoKind
{
    /// <summary>The talk's time has passed and no record is logged.</summary>
    NotLogged,
    /// <summary>Logged; talkees have not all verified.</summary>
    AwaitingVerification,
    /// <summary>A talkee disputed the record; it needs a revision.</summary>
    Disputed,
}

/// <summary>One line of the recorder's "what is missing" list.</summary>
public sealed record RecordTodoItem(TalkId TalkId, TalkKind Kind, DateTimeOffset Scheduled, string Place, IReadOnlyList<string> TalkeeNames, TodoKind Todo, IReadOnlyList<string> Waiting);

/// <summary>What the talkee reported for one item.</summary>
public sealed record MeasureView(int Item, string Measure, Domain.Rectifications.MeasureStatus Status, DateOnly? CompletedOn);

/// <summary>One report, with its review when there is one.</summary>
public sealed record RectificationReportView(
    int Number, DateTimeOffset SubmittedAt, bool Late, IReadOnlyList<MeasureView> Measures,
    bool? Accepted = null, string? ReviewComment = null, string? ReviewerName = null, DateOnly? NewDueDate = null);

public enum RectificationCardMode
{
    /// <summary>Read only.</summary>
    View,
    /// <summary>The talkee reports: a measure, status and completion date per item.</summary>
    Report,
    /// <summary>The talker or the discipline office reviews the latest report.</summary>
    Review,
}

/// <summary>
/// A talkee's rectification (000 §四(一)5): the items from the record, the due date, every report and review.
/// <see cref="Values"/> and <see cref="Errors"/> re-show a refused report.
/// </summary>
public sealed record RectificationView(
    TalkId TalkId,
    PersonId Talkee,
    string TalkeeName,
    TalkKind Kind,
    DateTimeOffset TalkAt,
    IReadOnlyList<string> Items,
    DateOnly DueDate,
    bool Overdue,
    Domain.Rectifications.RectificationStatus Status,
    IReadOnlyList<RectificationReportView> Reports,
    RectificationCardMode Mode,
    string? FormId = null,
    IReadOnlyDictionary<string, string?>? Values = null,
    IReadOnlyList<string>? Errors = null,
    string? Notice = null,
    IReadOnlyList<int>? UncoveredYears = null);
