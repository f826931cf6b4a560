using TalkBot.Cards.Records;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.People;
using TalkBot.Domain.Records;
using TalkBot.Domain.Talks;

namespace TalkBot.Bot.Talks;

/// <summary>Turns talks and their records into the read models Cards render.</summary>
public sealed class RecordPresenter(WorkingCalendar calendar)
{
    private static readonly TimeSpan DefaultLength = TimeSpan.FromHours(1);

    /// <summary>
    /// One version as <paramref name="viewer"/> may see it: a talkee sees only their own part (each verifies their own,
    /// 002 §五7, and a collective talk's parts about others are not theirs to read); everyone else sees all parts.
    /// </summary>
    public RecordView Record(Talk talk, TalkRecord record, RecordVersion version, PersonId viewer, PeopleLookup people, RecordCardMode mode, string? notice = null)
    {
        var c = version.Content;
        var parts = c.Parts.Where(p => !talk.IsTalkee(viewer) || p.Talkee == viewer).Select(p =>
        {
            var verification = version.VerificationBy(p.Talkee);
            return new RecordPartView(people.Name(p.Talkee), p.Problems, p.Explanation, p.Requirements, p.RectificationRequired,
                p.RectificationItems, verification?.Decision, verification?.Comment,
                verification is null ? null : calendar.ToLocal(verification.At));
        }).ToList();
        return new RecordView(
            talk.Id,
            talk.Kind,
            version.Number,
            version == record.Current ? record.Status : RecordStatus.Verified,
            calendar.ToLocal(c.StartedAt!.Value),
            calendar.ToLocal(c.EndedAt!.Value),
            c.Place ?? "",
            c.Format,
            c.LeadTalker is { } lead ? people.Name(lead) : "",
            [.. c.JointTalkers.Select(people.Name)],
            c.DelegatedBy is { } d ? people.Name(d) : null,
            c.Recorder is { } r ? people.Name(r) : "",
            [.. c.Checklist.Order()],
            parts,
            people.Name(version.Author),
            calendar.ToLocal(version.At),
            version.ChangedFields,
            mode,
            notice);
    }

    /// <summary>The mode the viewer gets: the talkee verifies a pending part, the recorder may revise, others read.</summary>
    public static RecordCardMode ModeFor(Talk talk, TalkRecord record, Person viewer, Person? organiser)
    {
        if (talk.IsTalkee(viewer.Id))
        {
            return record.Status != RecordStatus.Verified && record.Current.VerificationBy(viewer.Id) is null
                ? RecordCardMode.Verify
                : RecordCardMode.View;
        }

        return RecordAccess.CanLog(viewer, talk, organiser) ? RecordCardMode.Recorder : RecordCardMode.View;
    }

    /// <summary>
    /// The record form: prefilled from the current version when revising, otherwise from the talk as notified.
    /// </summary>
    public RecordFormView Form(Talk talk, TalkRecord? record, Person actor, PeopleLookup people, string formId,
        IReadOnlyDictionary<string, string?>? values = null, IReadOnlyList<string>? errors = null)
    {
        values ??= record is null ? Prefill(talk, actor) : RecordInputParser.ValuesOf(record.Current.Content, talk.Talkees, calendar.ToLocal);
        var active = people.All.Where(p => p.Active && !talk.IsTalkee(p.Id)).ToList();
        var disputes = record?.Status == RecordStatus.Disputed
            ? record.Current.Verifications.Where(v => v.Decision == VerificationDecision.Disputed)
                .Select(v => new DisputeView(people.Name(v.Talkee), v.Comment ?? "", calendar.ToLocal(v.At))).ToList()
            : null;
        return new RecordFormView(
            talk.Id,
            talk.Kind,
            calendar.ToLocal(talk.ScheduledAt),
            talk.Place,
            [.. talk.Talkees.Select(t => new RecordTalkee(t, people.Name(t)))],
            [.. active.OrderByDescending(p => talk.IsTalker(p.Id)).Select(Choice)],
            [.. talk.Talkers.Select(t => people.Find(t) is { } p ? Choice(p) : new PersonChoice(t, t.Value))],
            [.. active.Where(p => p.HasAny(Role.Recorder, Role.DisciplineOffice) || p.Id == actor.Id || p.Id == talk.Recorder)
                .OrderByDescending(p => p.Id == (talk.Recorder ?? actor.Id)).Select(Choice)],
            values,
            formId,
            record?.Current.Number,
            disputes,
            errors);
    }

    private Dictionary<string, string?> Prefill(Talk talk, Person actor)
    {
        var start = calendar.ToLocal(talk.ScheduledAt);
        var end = start + DefaultLength;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [RecordFields.Date] = Cards.Localization.DateText.Iso(DateOnly.FromDateTime(start.DateTime)),
            [RecordFields.Start] = Cards.Localization.DateText.Iso(TimeOnly.FromDateTime(start.DateTime)),
            [RecordFields.End] = Cards.Localization.DateText.Iso(TimeOnly.FromDateTime(end.DateTime)),
            [RecordFields.Place] = talk.Place,
            [RecordFields.Format] = talk.Format.ToString(),
            [RecordFields.Lead] = talk.LeadTalker.Value,
            [RecordFields.Joint] = string.Join(',', talk.Talkers.Skip(1).Select(p => p.Value)),
            [RecordFields.Recorder] = (talk.Recorder ?? actor.Id).Value,
        };
        return values;
    }

    private static PersonChoice Choice(Person p) => new(p.Id, p.DisplayName, p.JobTitle);
}
