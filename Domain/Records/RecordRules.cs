using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Domain.Records;

/// <summary>What a talk record must contain before it is stored (000 §四(一)4, 000 §四(二)–(三), 002 §三).</summary>
public static class RecordRules
{
    /// <summary>Every rule the content breaks for this talk at <paramref name="now"/>; empty when it may be stored.</summary>
    public static IReadOnlyList<RuleViolation> Check(Talk talk, RecordContent content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(content);
        var violations = new List<RuleViolation>();
        if (CheckTalkOpenForRecord(talk) is { } cancelled)
        {
            return [cancelled];
        }

        if (talk.EveryTalkeeAbsent)
        {
            // 000 §四(五)1: nobody came; the recorder records that instead, and the talk is arranged again.
            return [new RuleViolation(RuleCode.TalkeesAbsent, RuleSources.Record)];
        }

        if (content.StartedAt is null)
        {
            violations.Add(RuleViolation.Required(RecordContent.Fields.StartedAt, RuleSources.Record));
        }

        if (content.EndedAt is null)
        {
            violations.Add(RuleViolation.Required(RecordContent.Fields.EndedAt, RuleSources.Record));
        }

        if (content is { StartedAt: { } start, EndedAt: { } end })
        {
            if (end <= start)
            {
                violations.Add(new RuleViolation(RuleCode.RecordEndBeforeStart, RuleSources.Record));
            }

            if (end > now || start > now)
            {
                violations.Add(new RuleViolation(RuleCode.RecordInFuture, RuleSources.Record));
            }
        }

        if (string.IsNullOrWhiteSpace(content.Place))
        {
            violations.Add(RuleViolation.Required(RecordContent.Fields.Place, RuleSources.Record));
        }

        if (content.LeadTalker is not { } lead)
        {
            violations.Add(RuleViolation.Required(RecordContent.Fields.LeadTalker, RuleSources.Record));
        }
        else if (talk.IsTalkee(lead) || content.JointTalkers.Any(talk.IsTalkee))
        {
            violations.Add(new RuleViolation(RuleCode.TalkeeIsTalker, RuleSources.Tiers));
        }

        if (content.Recorder is null)
        {
            violations.Add(RuleViolation.Required(RecordContent.Fields.Recorder, RuleSources.Record));
        }

        // 000 §二: a planned talker may delegate (委托) the talk; the delegate then leads it.
        if (content.DelegatedBy is { } delegator && (!talk.IsTalker(delegator) || delegator == content.LeadTalker))
        {
            violations.Add(new RuleViolation(RuleCode.DelegationInvalid, RuleSources.Tiers));
        }

        if (content.Format == TalkFormat.Collective && talk.Talkees.Count < 2)
        {
            violations.Add(new RuleViolation(RuleCode.CollectiveNeedsSeveralTalkees, "000 §二"));
        }

        CheckChecklist(talk.Kind, content.Checklist, violations);

        foreach (var talkee in talk.Talkees)
        {
            CheckPart(talk.Kind, talkee, content.PartOf(talkee), violations);
        }

        return violations;
    }

    /// <summary>
    /// Null when a record may be written for the talk; TalkCancelled when it was cancelled: a talk that did not take
    /// place has nothing to record (000 §四(一)4: 实施谈话…做好记录工作).
    /// </summary>
    public static RuleViolation? CheckTalkOpenForRecord(Talk talk)
    {
        ArgumentNullException.ThrowIfNull(talk);
        return talk.Status == TalkStatus.Cancelled ? new RuleViolation(RuleCode.TalkCancelled, RuleSources.Record) : null;
    }

    private static void CheckChecklist(TalkKind kind, IReadOnlySet<int> ticked, List<RuleViolation> violations)
    {
        var count = ContentChecklist.Count(kind);
        var source = ContentChecklist.Source(kind);
        var valid = ticked.Where(i => i >= 1 && i <= count).ToHashSet();
        if (valid.Count != ticked.Count)
        {
            violations.Add(new RuleViolation(RuleCode.ChecklistUnknownItem, source,
                Arguments: new Dictionary<string, string> { ["items"] = string.Join(',', ticked.Where(i => !valid.Contains(i)).Order()) }));
        }

        if (ContentChecklist.AllRequired(kind))
        {
            var missing = Enumerable.Range(1, count).Where(i => !valid.Contains(i)).ToList();
            if (missing.Count > 0)
            {
                violations.Add(new RuleViolation(RuleCode.ChecklistIncomplete, source,
                    Arguments: new Dictionary<string, string> { ["items"] = string.Join(',', missing) }));
            }
        }
        else if (valid.Count == 0)
        {
            violations.Add(new RuleViolation(RuleCode.ChecklistEmpty, source));
        }
    }

    // Reminder and admonishment talks are procedures: pointing out the problem, hearing the explanation and making
    // requirements are their steps (000 §四(三), 002 §三), so each must be written down. A routine talk may find none.
    private static void CheckPart(TalkKind kind, PersonId talkee, TalkeePart? part, List<RuleViolation> violations)
    {
        if (ContentChecklist.AllRequired(kind))
        {
            var source = ContentChecklist.Source(kind);
            if (string.IsNullOrWhiteSpace(part?.Problems))
            {
                violations.Add(PartRequired(RecordContent.Fields.Problems, talkee, source));
            }

            if (string.IsNullOrWhiteSpace(part?.Explanation))
            {
                violations.Add(PartRequired(RecordContent.Fields.Explanation, talkee, source));
            }

            if (string.IsNullOrWhiteSpace(part?.Requirements))
            {
                violations.Add(PartRequired(RecordContent.Fields.Requirements, talkee, source));
            }
        }

        if (part is { RectificationRequired: true } && !part.RectificationItems.Any(i => !string.IsNullOrWhiteSpace(i)))
        {
            violations.Add(new RuleViolation(RuleCode.RectificationItemsRequired, RuleSources.Rectification,
                Arguments: new Dictionary<string, string> { ["person"] = talkee.Value }));
        }
    }

    private static RuleViolation PartRequired(string field, PersonId talkee, string source) =>
        new(RuleCode.PartFieldRequired, source, Arguments: new Dictionary<string, string> { ["field"] = field, ["person"] = talkee.Value });
}
