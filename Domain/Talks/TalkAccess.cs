using TalkBot.Domain.People;
using TalkBot.Domain.Rules;

namespace TalkBot.Domain.Talks;

/// <summary>Who may change a talk once its notices are out, and who records attendance.</summary>
public static class TalkAccess
{
    /// <summary>
    /// Null when <paramref name="actor"/> may move or cancel the talk, or decide a postponement asked of it: its
    /// organiser, who sent the notice, or a member of the discipline office of a talkee's unit
    /// (<paramref name="talkeeOffices"/>: <see cref="DisciplineOffices.Of"/> of each talkee's unit), which organises the
    /// talks of its level (000 §四(一): 各级纪检监察机关组织实施).
    /// </summary>
    public static RuleViolation? CheckManage(Person actor, Talk talk, IEnumerable<PersonId> talkeeOffices)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(talkeeOffices);
        var allowed = actor.Active
            && (actor.Id == talk.Organiser || (actor.Has(Role.DisciplineOffice) && talkeeOffices.Contains(actor.Id)));
        return allowed ? null : NotPermitted(RuleSources.TalkOrganisation, "manage-talk");
    }

    /// <summary>
    /// Null when <paramref name="actor"/> may record who did not come: the talk's recorder or one of its talkers, who were
    /// there (000 §四(一)4: 安排专人做好记录工作).
    /// </summary>
    public static RuleViolation? CheckAttendance(Person actor, Talk talk)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(talk);
        return actor.Active && (talk.Recorder == actor.Id || talk.IsTalker(actor.Id)) ? null : NotPermitted(RuleSources.Record, "record-absence");
    }

    private static RuleViolation NotPermitted(string source, string action) =>
        new(RuleCode.NotPermitted, source, Arguments: new Dictionary<string, string> { ["action"] = action });
}
