using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Domain.Records;

/// <summary>
/// Who may see and write a talk's record (SPEC §6, 000 §四(五)3): its talkers, its recorder, the discipline office of
/// that level and, to verify it, its talkee. Callers pass the person from the activity's <c>aadObjectId</c>, never
/// anything the card's data claims.
/// </summary>
public static class RecordAccess
{
    /// <summary>
    /// The discipline office "of that level": the organiser, or a colleague holding the DisciplineOffice role in the
    /// organiser's unit (000 §四(一): 各级纪检监察机关 own the talks they organise).
    /// </summary>
    public static bool IsDisciplineOfficeOf(Person person, Talk talk, Person? organiser)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(talk);
        return person.Id == talk.Organiser
               || (person.Has(Role.DisciplineOffice) && organiser is not null && person.UnitId is { } unit && unit == organiser.UnitId);
    }

    /// <summary>
    /// The recorder named on the talk, or the discipline office that arranges the recording (000 §四(一)4). An
    /// admonishment's form is the 诫勉谈话教育情况表, which the responsible person who led the talk fills in and hands to
    /// the office for the archive (002 §五6: 由责任人填写…并交纪委办归档): that person alone, not anyone of the office.
    /// </summary>
    public static bool CanLog(Person person, Talk talk, Person? organiser)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(talk);
        return person.Active && (talk.Kind == TalkKind.Admonishment
            ? talk.LeadTalker == person.Id
            : talk.Recorder == person.Id || IsDisciplineOfficeOf(person, talk, organiser));
    }

    /// <summary>Who is reminded to log the talk: the lead talker of an admonishment (002 §五6), else its recorder or organiser.</summary>
    public static PersonId WhoLogs(Talk talk)
    {
        ArgumentNullException.ThrowIfNull(talk);
        return talk.Kind == TalkKind.Admonishment ? talk.LeadTalker : talk.Recorder ?? talk.Organiser;
    }

    public static bool CanView(Person person, Talk talk, Person? organiser, TalkRecord? record)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(talk);
        var id = person.Id;
        if (talk.IsTalker(id) || talk.IsTalkee(id) || talk.Recorder == id || IsDisciplineOfficeOf(person, talk, organiser))
        {
            return true;
        }

        // Whoever the record itself names as leading, joining or recording the talk (a delegate, for instance).
        return record?.Versions.Any(v => v.Content.LeadTalker == id || v.Content.JointTalkers.Contains(id) || v.Content.Recorder == id) == true;
    }

    /// <summary>The quiz score is for the talk's talkers and its discipline office (000 §三), besides the talkee.</summary>
    public static bool CanSeeQuizScore(Person person, Talk talk, Person? organiser) =>
        talk.IsTalker(person.Id) || talk.IsTalkee(person.Id) || IsDisciplineOfficeOf(person, talk, organiser);

    public static RuleViolation Refusal { get; } = new(RuleCode.NotPermitted, RuleSources.Confidentiality);
}
