using TalkBot.Cards.Records;
using TalkBot.Domain;
using TalkBot.Domain.People;
using TalkBot.Domain.Records;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.Views;

/// <summary>Talk records as the cards show them, built from the talk, its record and the viewer.</summary>
public static class RecordPresenter
{
    private static readonly TimeSpan DefaultLength = TimeSpan.FromHours(1);

    /// <summary>
    /// One version as <paramref name="viewer"/> may see it: a talkee sees only their own part (each verifies their own,
    /// 002 §五7, and a collective talk's parts about others are not theirs to read); everyone else sees all parts.
    /// </summary>
    public static RecordView Record(Talk talk, TalkRecord record, RecordVersion version, PersonId viewer, ViewContext context, RecordCardMode mode, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(context);
        var c = version.Content;
        var parts = c.Parts.Where(p => !talk.IsTalkee(viewer) || p.Talkee == viewer).Select(p =>
        {
            var verification = version.VerificationBy(p.Talkee);
            return new RecordPartView(context.Name(p.Talkee), p.Problems, p.Explanation, p.Requirements, p.RectificationRequired,
                p.RectificationItems, verification?.Decision, verification?.Comment,
                verification is null ? null : context.Local(verification.At));
        }).ToList();
        return new RecordView(
            talk.Id,
            talk.Kind,
            version.Number,
            version == record.Current ? record.Status : RecordStatus.Verified,
            context.Local(c.StartedAt!.Value),
            context.Local(c.EndedAt!.Value),
            c.Place ?? "",
            c.Format,
            c.LeadTalker is { } lead ? context.Name(lead) : "",
            [.. context.Names(c.JointTalkers)],
            c.DelegatedBy is { } d ? context.Name(d) : null,
            c.Recorder is { } r ? context.Name(r) : "",
            [.. c.Checklist.Order()],
            parts,
            context.Name(version.Author),
            context.Local(version.At),
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

    /// <summary>The record form's inputs before anything is entered: the current version's when revising, otherwise the talk as notified.</summary>
    public static IReadOnlyDictionary<string, string?> Values(Talk talk, TalkRecord? record, Person actor, ViewContext context)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(context);
        return record is null ? Prefill(talk, actor, context) : RecordInputParser.ValuesOf(record.Current.Content, talk.Talkees, context.Calendar.ToLocal);
    }

    /// <summary>
    /// The record form, with <paramref name="values"/> as entered or, when null, as <see cref="Values"/> has them.
    /// </summary>
    /// <param name="people">The people the form offers as talkers, delegators and recorders.</param>
    public static RecordFormView Form(Talk talk, TalkRecord? record, Person actor, RecordChoices people, ViewContext context, string formId,
        IReadOnlyDictionary<string, string?>? values = null, IReadOnlyList<string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(people);
        values ??= Values(talk, record, actor, context);
        var disputes = record?.Status == RecordStatus.Disputed
            ? record.Current.Verifications.Where(v => v.Decision == VerificationDecision.Disputed)
                .Select(v => new DisputeView(context.Name(v.Talkee), v.Comment ?? "", context.Local(v.At))).ToList()
            : null;
        return new RecordFormView(
            talk.Id,
            talk.Kind,
            context.Local(talk.ScheduledAt),
            talk.Place,
            [.. talk.Talkees.Select(t => new RecordTalkee(t, context.Name(t)))],
            people.Talkers,
            people.Delegators,
            people.Recorders,
            values,
            formId,
            record?.Current.Number,
            disputes,
            errors);
    }

    private static Dictionary<string, string?> Prefill(Talk talk, Person actor, ViewContext context)
    {
        var start = context.Local(talk.ScheduledAt);
        var end = start + DefaultLength;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [RecordFields.Date] = Localization.DateText.Iso(DateOnly.FromDateTime(start.DateTime)),
            [RecordFields.Start] = Localization.DateText.Iso(TimeOnly.FromDateTime(start.DateTime)),
            [RecordFields.End] = Localization.DateText.Iso(TimeOnly.FromDateTime(end.DateTime)),
            [RecordFields.Place] = talk.Place,
            [RecordFields.Format] = talk.Format.ToString(),
            [RecordFields.Lead] = talk.LeadTalker.Value,
            [RecordFields.Joint] = string.Join(',', talk.Talkers.Skip(1).Select(p => p.Value)),
            [RecordFields.Recorder] = (talk.Recorder ?? actor.Id).Value,
        };
        return values;
    }
}
