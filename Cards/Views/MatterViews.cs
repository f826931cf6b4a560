using TalkBot.Domain.Calendar;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Records;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.Views;

/// <summary>A talk as one line of a lead, a case or an archive, with its record's status.</summary>
public static class TalkViews
{
    public static TalkLine Line(Talk talk, RecordStatus? record, ViewContext context) => Line(TalkListing.Of(talk, record), context);

    public static TalkLine Line(TalkListing talk, ViewContext context)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(context);
        return new(talk.Id, talk.Kind, context.Local(talk.ScheduledAt), talk.Place, talk.Status, context.Names(talk.Talkers), talk.Record);
    }
}

/// <summary>Leads (问题线索) as the cards show them, built from the lead and the viewer.</summary>
public static class LeadViews
{
    /// <summary>The lead for <paramref name="viewer"/>: the reporter only for the office of its level (SPEC §6).</summary>
    public static LeadView Lead(Lead lead, Person viewer, ViewContext context, string? subjectUnit, IReadOnlyList<TalkLine> talks, IReadOnlyList<TaskLine> tasks,
        string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(context);
        return new(lead.Id, context.Name(lead.Subject), subjectUnit, lead.Source, lead.Category, lead.Summary,
            LeadAccess.CanSeeReporter(viewer, lead) ? lead.Reporter : null, lead.Status, context.Name(lead.RegisteredBy), context.Local(lead.RegisteredAt),
            talks, Dispositions(lead, context), tasks, CanArrangeTalk: LeadAccess.CanArrangeTalk(viewer, lead), Notice: notice);
    }

    /// <summary>What the talkers are told before the talk (002 §五1): the problem, never the reporter (002 §五8).</summary>
    public static LeadView Briefing(Lead lead, ViewContext context, string? notice)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(context);
        return new(lead.Id, context.Name(lead.Subject), null, lead.Source, lead.Category, lead.Summary, null, lead.Status, context.Name(lead.RegisteredBy),
            context.Local(lead.RegisteredAt), [], Dispositions(lead, context), [], Briefing: true, Notice: notice);
    }

    /// <summary>A lead as one line of the archive or the office's list (never with its reporter).</summary>
    public static LeadLine Line(Lead lead, ViewContext context)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return Line(lead.Listing, context);
    }

    /// <inheritdoc cref="Line(Lead, ViewContext)"/>
    public static LeadLine Line(LeadListing lead, ViewContext context)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(context);
        return new(lead.Id, context.Name(lead.Subject), lead.Source, lead.Category, lead.Summary, lead.Status, context.Local(lead.RegisteredAt),
            Dispositions(lead.Dispositions, context));
    }

    private static IReadOnlyList<DispositionLine> Dispositions(Lead lead, ViewContext context) => Dispositions(lead.Dispositions, context);

    private static IReadOnlyList<DispositionLine> Dispositions(IEnumerable<Disposition> dispositions, ViewContext context) =>
        [.. dispositions.Select(d => new DispositionLine(d.Kind, d.Note, d.DueDate, context.Name(d.By), context.Local(d.At)))];
}

/// <summary>Admonishment cases (诫勉谈话) as the cards show them, built from the case.</summary>
public static class AdmonishmentViews
{
    /// <param name="formId">The follow-up form's id, for <see cref="CaseCardMode.FollowUp"/>.</param>
    public static CaseView Case(AdmonishmentCase c, ViewContext context, CaseCardMode mode, string? notice = null, string? formId = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        return new(
            c.Id, context.Name(c.Subject), c.SubjectRank, c.Status, c.Situation, c.Facts, c.MinorViolation, c.ForUnit, c.Origin, c.Request,
            c.ProposedBy is { } by ? context.Name(by) : null,
            c.ProposedAt is { } at ? context.Local(at) : null,
            AdmonishmentRules.ApproverRoles(c.SubjectRank),
            c.Decision is { } d ? d with { At = context.Local(d.At) } : null,
            c.Decision is { } decided ? context.Name(decided.Approver) : null,
            [],
            [],
            Checks(c, context),
            c.NextCheck,
            [.. c.Earlier.Select(e => new CaseChoice(e, e.Value[..8]))],
            c.Lead,
            mode,
            formId ?? (mode == CaseCardMode.FollowUp ? Guid.NewGuid().ToString("N") : null),
            notice);
    }

    /// <summary>The card mode for what the viewer may do next (Domain's <see cref="AdmonishmentAccess.StepFor"/>).</summary>
    public static CaseCardMode ModeOf(CaseStep step) => step switch
    {
        CaseStep.Decide => CaseCardMode.Decide,
        CaseStep.CompleteRequest => CaseCardMode.CompleteRequest,
        CaseStep.Arrange => CaseCardMode.Arrange,
        CaseStep.FollowUp => CaseCardMode.FollowUp,
        CaseStep.HandToOffice => CaseCardMode.HandToOffice,
        _ => CaseCardMode.View,
    };

    /// <summary>A case as one line of the archive or the office's list.</summary>
    public static CaseLine Line(AdmonishmentCase c, ViewContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Line(c.Listing, context);
    }

    /// <inheritdoc cref="Line(AdmonishmentCase, ViewContext)"/>
    public static CaseLine Line(CaseListing c, ViewContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(context);
        return new(c.Id, context.Name(c.Subject), c.Situation, c.Status, c.MinorViolation, context.Local(c.OpenedAt), c.NextCheck, Checks(c.Checks, context));
    }

    /// <summary>A case's follow-up checks (002 §四5), in the site's time.</summary>
    public static IReadOnlyList<CheckLine> Checks(AdmonishmentCase c, ViewContext context)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Checks(c.Checks, context);
    }

    private static IReadOnlyList<CheckLine> Checks(IEnumerable<FollowUpCheck> checks, ViewContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return [.. checks.Select(k => new CheckLine(k.Outcome, k.Note, k.NextCheck, context.Name(k.By), context.Local(k.At), k.Opinion))];
    }
}

/// <summary>Follow-on tasks as the cards show them, built from the task.</summary>
public static class TaskViews
{
    /// <param name="overdue">Whether it is overdue now (Domain's reminder rules decide).</param>
    public static TaskView Task(CaseTask t, ViewContext context, TaskCardMode mode, bool overdue, string? notice = null, string? formId = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(context);
        return new(
            t.Id, t.Kind, context.Name(t.Subject), context.Name(t.Assignee), t.Instruction, t.DueDate, t.AwaitsSubmission && overdue, t.Status,
            [.. t.Submissions.Select(s =>
            {
                var review = t.Reviews.LastOrDefault(r => r.Submission == s.Number);
                return new SubmissionLine(s.Number, s.Text, context.Local(s.At), s.Late, review?.Accepted, review?.Comment,
                    review is null ? null : context.Name(review.By), review?.NewDueDate);
            })],
            mode,
            formId ?? (mode == TaskCardMode.Submit ? Guid.NewGuid().ToString("N") : null),
            notice,
            Origin: t.Origin,
            UncoveredYears: CalendarCoverage.YearsNotCovered(context.Calendar, t.DueDate));
    }

    /// <summary>The card mode for what the viewer may do (Domain's <see cref="CaseTaskAccess.StepFor"/>).</summary>
    public static TaskCardMode ModeOf(CaseTaskStep step) => step switch
    {
        CaseTaskStep.Submit => TaskCardMode.Submit,
        CaseTaskStep.Review => TaskCardMode.Review,
        _ => TaskCardMode.View,
    };

    public static TaskLine Line(CaseTask t, ViewContext context, bool overdue)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Line(t.Listing, context, overdue);
    }

    /// <inheritdoc cref="Line(CaseTask, ViewContext, bool)"/>
    public static TaskLine Line(TaskListing t, ViewContext context, bool overdue)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(context);
        return new(t.Id, t.Kind, context.Name(t.Assignee), t.DueDate, t.Status, t.AwaitsSubmission && overdue);
    }
}
