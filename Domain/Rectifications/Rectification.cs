using TalkBot.Domain.Rules;

namespace TalkBot.Domain.Rectifications;

public enum RectificationStatus
{
    /// <summary>Waiting for the talkee's report.</summary>
    Open,
    /// <summary>Reported; waiting for the talker's or the discipline office's review.</summary>
    Submitted,
    /// <summary>Returned with a comment and a new deadline; the talkee reports again.</summary>
    Returned,
    /// <summary>Accepted: nothing more is due.</summary>
    Accepted,
}

public enum MeasureStatus
{
    /// <summary>已完成</summary>
    Done,
    /// <summary>正在整改</summary>
    InProgress,
}

/// <summary>What the talkee did about one rectification item: the measure, where it stands, and when it was done.</summary>
public sealed record MeasureReport(int Item, string? Measure, MeasureStatus Status, DateOnly? CompletedOn);

/// <summary>One report (整改措施落实情况); every report is kept.</summary>
public sealed record RectificationReport(int Number, IReadOnlyList<MeasureReport> Measures, DateTimeOffset SubmittedAt, bool Late, string? FormId);

/// <summary>The reviewer's answer to one report: accepted, or returned with a comment and a new due date.</summary>
public sealed record RectificationReview(int Report, bool Accepted, string? Comment, DateOnly? NewDueDate, PersonId Reviewer, DateTimeOffset At);

/// <summary>
/// A talkee's rectification after a talk (000 §四(一)5: 谈话对象根据指出的问题和要求，于谈话结束后3日内上报同级纪检监察机关
/// 有关整改措施落实情况). The talkee reports a measure per item; a report after the due date is accepted but marked
/// late; the talker or the discipline office accepts it, or returns it with a comment and a new due date, and the
/// talkee reports again. Reports and reviews are never changed, only added.
/// </summary>
public sealed class Rectification
{
    private readonly List<RectificationReport> reports;
    private readonly List<RectificationReview> reviews;

    private Rectification(TalkId talkId, PersonId talkee, IReadOnlyList<string> items, DateOnly firstDueDate, DateTimeOffset openedAt,
        IEnumerable<RectificationReport> reports, IEnumerable<RectificationReview> reviews)
    {
        TalkId = talkId;
        Talkee = talkee;
        Items = items;
        FirstDueDate = firstDueDate;
        OpenedAt = openedAt;
        this.reports = [.. reports.OrderBy(r => r.Number)];
        this.reviews = [.. reviews.OrderBy(r => r.At)];
    }

    public TalkId TalkId { get; }
    public PersonId Talkee { get; }

    /// <summary>The rectification items of the talk record (整改事项).</summary>
    public IReadOnlyList<string> Items { get; }

    public DateOnly FirstDueDate { get; }
    public DateTimeOffset OpenedAt { get; }
    public IReadOnlyList<RectificationReport> Reports => reports;
    public IReadOnlyList<RectificationReview> Reviews => reviews;

    /// <summary>The due date now: the first, or the one set when the last report was returned.</summary>
    public DateOnly DueDate => reviews.LastOrDefault(r => !r.Accepted)?.NewDueDate ?? FirstDueDate;

    /// <summary>
    /// Since when the report now due has been due: opened, or the last report returned with its new due date. The
    /// ledger's light counts the report's time from here (<see cref="Ledgers.LedgerSteps.Rectification"/>).
    /// </summary>
    public DateTimeOffset ReportDueSince => reviews.LastOrDefault(r => !r.Accepted)?.At ?? OpenedAt;

    public RectificationStatus Status
    {
        get
        {
            if (reports.Count == 0)
            {
                return RectificationStatus.Open;
            }

            var review = reviews.LastOrDefault(r => r.Report == reports[^1].Number);
            return review is null ? RectificationStatus.Submitted
                : review.Accepted ? RectificationStatus.Accepted
                : RectificationStatus.Returned;
        }
    }

    /// <summary>Whether a report is due from the talkee (open or returned).</summary>
    public bool AwaitsReport => Status is RectificationStatus.Open or RectificationStatus.Returned;

    public static Rectification Open(TalkId talkId, PersonId talkee, IReadOnlyList<string> items, DateOnly dueDate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            throw new ArgumentException("A rectification has at least one item.", nameof(items));
        }

        return new(talkId, talkee, [.. items], dueDate, now, [], []);
    }

    public static Rectification Restore(TalkId talkId, PersonId talkee, IReadOnlyList<string> items, DateOnly firstDueDate, DateTimeOffset openedAt,
        IEnumerable<RectificationReport> reports, IEnumerable<RectificationReview> reviews) =>
        new(talkId, talkee, [.. items], firstDueDate, openedAt, reports, reviews);

    /// <summary>
    /// The talkee reports the measures taken, one per item. A report after the due date is accepted and marked late.
    /// A repeated submit of the same form changes nothing.
    /// </summary>
    /// <returns>Whether a report was added.</returns>
    /// <exception cref="DomainRuleException">Someone else reports, a measure is missing, a completion date is missing or
    /// in the future, or no report is due (waiting for review, or accepted).</exception>
    public bool Submit(PersonId by, IReadOnlyList<MeasureReport> measures, string? formId, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(measures);
        if (by != Talkee)
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.NotPermitted, RuleSources.Rectification));
        }

        if (formId is not null && reports.Any(r => r.FormId == formId))
        {
            return false;
        }

        if (!AwaitsReport)
        {
            throw new DomainRuleException(RuleViolation.InvalidState(Status.ToString(), RuleSources.Rectification));
        }

        var byItem = measures.Where(m => m.Item >= 1 && m.Item <= Items.Count).GroupBy(m => m.Item).ToDictionary(g => g.Key, g => g.Last());
        var violations = new List<RuleViolation>();
        var missing = Enumerable.Range(1, Items.Count).Where(i => !byItem.TryGetValue(i, out var m) || string.IsNullOrWhiteSpace(m.Measure)).ToList();
        if (missing.Count > 0)
        {
            violations.Add(new RuleViolation(RuleCode.RectificationMeasuresRequired, RuleSources.Rectification,
                Arguments: new Dictionary<string, string> { ["items"] = string.Join(',', missing) }));
        }

        var undated = byItem.Values.Where(m => m.Status == MeasureStatus.Done && m.CompletedOn is null).Select(m => m.Item).Order().ToList();
        if (undated.Count > 0)
        {
            violations.Add(new RuleViolation(RuleCode.CompletionDateRequired, RuleSources.Rectification,
                Arguments: new Dictionary<string, string> { ["items"] = string.Join(',', undated) }));
        }

        var future = byItem.Values.Where(m => m.CompletedOn > today).Select(m => m.Item).Order().ToList();
        if (future.Count > 0)
        {
            violations.Add(new RuleViolation(RuleCode.CompletionDateInFuture, RuleSources.Rectification,
                Arguments: new Dictionary<string, string> { ["items"] = string.Join(',', future) }));
        }

        if (violations.Count > 0)
        {
            throw new DomainRuleException(violations);
        }

        var tidy = byItem.Values.OrderBy(m => m.Item)
            .Select(m => m with { Measure = m.Measure!.Trim(), CompletedOn = m.Status == MeasureStatus.Done ? m.CompletedOn : null })
            .ToList();
        reports.Add(new RectificationReport(reports.Count + 1, tidy, now, Late: today > DueDate, formId));
        return true;
    }

    /// <summary>
    /// The talker or the discipline office reviews the latest report: accepts it, or returns it with a comment and a
    /// new due date after today. The same decision again changes nothing.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public bool Review(PersonId reviewer, int report, bool accept, string? comment, DateOnly? newDueDate, DateOnly today, DateTimeOffset now)
    {
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var latest = reports.Count > 0 ? reports[^1].Number : 0;
        if (!ReviewRules.IsNew(report, latest, reviews.LastOrDefault(r => r.Report == latest && latest > 0)?.Accepted, Status == RectificationStatus.Submitted,
                Status.ToString(), accept, comment, newDueDate, today, RuleSources.Rectification))
        {
            return false;
        }

        reviews.Add(new RectificationReview(report, accept, comment, accept ? null : newDueDate, reviewer, now));
        return true;
    }
}
