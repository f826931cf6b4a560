using TalkBot.Cards.Localization;
using TalkBot.Domain;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.CreateTalk;

/// <summary>A valid submission of the create-talk form. Rules about dates and people are Domain's to check.</summary>
public sealed record CreateTalkInput(
    IReadOnlyList<PersonId> Talkees,
    IReadOnlyList<PersonId> Talkers,
    PersonId Recorder,
    TalkKind Kind,
    TalkFormat Format,
    DateOnly Date,
    TimeOnly Time,
    string Place,
    string? Preparation,
    DateOnly? ContentDeterminedDate,
    IReadOnlyList<PersonId>? JointTalkers = null)
{
    /// <summary>Those invited to talk jointly (000 §二2, §二4), none when the form has no such field.</summary>
    public IReadOnlyList<PersonId> Joint => JointTalkers ?? [];

    /// <summary>The values as the form shows them, to re-show after Domain rejects the talk.</summary>
    public CreateTalkDraft ToDraft() => new(
        string.Join(',', Talkees.Select(p => p.Value)),
        string.Join(',', Talkers.Select(p => p.Value)),
        Recorder.Value,
        Kind.ToString(),
        Format.ToString(),
        DateText.Iso(Date),
        DateText.Iso(Time),
        Place,
        Preparation,
        ContentDeterminedDate is { } d ? DateText.Iso(d) : null,
        Joint.Count > 0 ? string.Join(',', Joint.Select(p => p.Value)) : null);
}

/// <summary>The form's values exactly as entered (strings, possibly invalid), to show them again.</summary>
public sealed record CreateTalkDraft(
    string? Talkees = null,
    string? Talkers = null,
    string? Recorder = null,
    string? Kind = null,
    string? Format = null,
    string? Date = null,
    string? Time = null,
    string? Place = null,
    string? Preparation = null,
    string? ContentDate = null,
    string? Joint = null);

/// <summary>A problem with one field of the form, worded in both languages.</summary>
public sealed record FieldProblem(string Field, string ZhCn, string EnUs)
{
    public string Message(Locale locale) => locale.Pick(ZhCn, EnUs);
}

/// <summary>The parsed form: always the draft; the input only when there are no problems.</summary>
public sealed record CreateTalkParseResult(CreateTalkDraft Draft, CreateTalkInput? Input, IReadOnlyList<FieldProblem> Problems)
{
    public bool IsValid => Input is not null;
}
