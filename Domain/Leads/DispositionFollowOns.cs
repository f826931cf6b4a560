using TalkBot.Domain.Admonishments;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.People;

namespace TalkBot.Domain.Leads;

/// <summary>What one recorded disposition leads to (000 §四(四)1–5), for the handler to store and send.</summary>
public abstract record DispositionFollowOn
{
    private DispositionFollowOn()
    {
    }

    /// <summary>A task with a deadline: the subject's written reply or self-examination, or the office's own step.</summary>
    public sealed record OpenTask(CaseTask Task) : DispositionFollowOn;

    /// <summary>
    /// The subject is told: that their suggestion was adopted, with what was adopted (000 §四(四)2: 及时将采纳情况告知谈话对象),
    /// or that the matter is closed (000 §四(四)3: 予以了结澄清). A closure carries no note: the subject is told it is
    /// closed, never why, which might point to who reported it (002 §五3, §五8).
    /// </summary>
    public sealed record TellSubject(PersonId Subject, DispositionKind Kind, string? Note) : DispositionFollowOn;

    /// <summary>The admonishment proposal (000 §四(四)4 → 002 §四1) is for <paramref name="To"/> to write.</summary>
    public sealed record ProposeAdmonishment(PersonId To) : DispositionFollowOn;
}

/// <summary>What each disposition of 000 §四(四) leads to.</summary>
public static class DispositionFollowOns
{
    /// <summary>
    /// The follow-on of <paramref name="d"/>, recorded on <paramref name="lead"/> by <paramref name="actor"/>; null for
    /// 批评教育, which is given in the talk itself (000 §四(四)4): recording it is all.
    /// </summary>
    /// <exception cref="ArgumentException">The disposition is not the lead's, or lacks the due date its task needs.</exception>
    public static DispositionFollowOn? For(Lead lead, Disposition d, Person actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(actor);
        if (!lead.Dispositions.Contains(d))
        {
            throw new ArgumentException($"Disposition {d.Number} is not one of lead {lead.Id}'s.", nameof(d));
        }

        return d.Kind switch
        {
            DispositionKind.WrittenReply => SubjectWrites(lead, d, CaseTaskKind.WrittenReply, actor, now),
            DispositionKind.SelfExamination => SubjectWrites(lead, d, CaseTaskKind.SelfExamination, actor, now),
            DispositionKind.SecondTalk => OfficeStep(lead, d, CaseTaskKind.SecondTalk, actor, now),
            DispositionKind.LetterInquiry => OfficeStep(lead, d, CaseTaskKind.LetterInquiry, actor, now),
            DispositionKind.PreliminaryVerification => OfficeStep(lead, d, CaseTaskKind.PreliminaryVerification, actor, now),
            DispositionKind.SuggestionAdopted => new DispositionFollowOn.TellSubject(lead.Subject, d.Kind, d.Note),
            DispositionKind.ClosedUnfounded => new DispositionFollowOn.TellSubject(lead.Subject, d.Kind, null),
            // 002 §四1: the discipline office or the organisation department proposes. A talker who decided on it hands
            // the proposal to the office that registered the lead.
            DispositionKind.Admonishment => new DispositionFollowOn.ProposeAdmonishment(
                AdmonishmentRules.MayPropose(actor) ? actor.Id : lead.RegisteredBy),
            DispositionKind.Criticism => null,
            _ => throw new ArgumentOutOfRangeException(nameof(d), d.Kind, null),
        };
    }

    /// <summary>The follow-ons of the dispositions just recorded, in their order; none for 批评教育.</summary>
    public static IReadOnlyList<DispositionFollowOn> For(Lead lead, IEnumerable<Disposition> added, Person actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(added);
        return [.. added.Select(d => For(lead, d, actor, now)).OfType<DispositionFollowOn>()];
    }

    // 000 §四(四)1 and 4: the subject writes (书面答复或说明, 责令检查) by the deadline; whoever decided it and the office
    // that registered the lead review it before it is archived (002 §五7).
    private static DispositionFollowOn.OpenTask SubjectWrites(Lead lead, Disposition d, CaseTaskKind kind, Person actor, DateTimeOffset now) =>
        new(CaseTask.Open(CaseTaskId.For(lead.Id.Value, kind, d.Number), kind, lead.Subject, lead.Subject, [actor.Id, lead.RegisteredBy],
            d.Note, Due(d), now));

    // 000 §四(四)5: 再次谈话, 函询 or 初步核实 is the office's own step by the deadline: the office member who decided it,
    // or, when a talker decided it, the one who registered the lead.
    private static DispositionFollowOn.OpenTask OfficeStep(Lead lead, Disposition d, CaseTaskKind kind, Person actor, DateTimeOffset now) =>
        new(CaseTask.Open(CaseTaskId.For(lead.Id.Value, kind, d.Number), kind, lead.Subject,
            LeadAccess.IsOfficeOf(actor, lead) ? actor.Id : lead.RegisteredBy, [], d.Note, Due(d), now));

    private static DateOnly Due(Disposition d) =>
        d.DueDate ?? throw new ArgumentException($"Disposition {d.Number} ({d.Kind}) has no due date for its task.", nameof(d));
}
