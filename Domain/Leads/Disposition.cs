using TalkBot.Domain.Rules;

namespace TalkBot.Domain.Leads;

/// <summary>What follows a reminder talk (000 §四(四)1–5).</summary>
public enum DispositionKind
{
    /// <summary>要求书面答复或说明 (000 §四(四)1): a written reply from the talkee, with a deadline.</summary>
    WrittenReply,
    /// <summary>采纳建议并告知 (000 §四(四)2): the talkee's suggestion is adopted and they are told.</summary>
    SuggestionAdopted,
    /// <summary>了结澄清 (000 §四(四)3): the report was untrue or unproven; the lead is closed.</summary>
    ClosedUnfounded,
    /// <summary>批评教育 (000 §四(四)4).</summary>
    Criticism,
    /// <summary>责令检查 (000 §四(四)4): a written self-examination from the talkee, with a deadline.</summary>
    SelfExamination,
    /// <summary>诫勉谈话 (000 §四(四)4): opens an admonishment proposal (002 §四1).</summary>
    Admonishment,
    /// <summary>再次谈话 (000 §四(四)5): another reminder talk on the lead, by a deadline.</summary>
    SecondTalk,
    /// <summary>函询 (000 §四(四)5): a letter inquiry, a task of the discipline office with a deadline.</summary>
    LetterInquiry,
    /// <summary>初步核实 (000 §四(四)5): preliminary verification, a task of the discipline office with a deadline.</summary>
    PreliminaryVerification,
}

/// <summary>One disposition as chosen on the card: the kind, a note, and a due date for those with a follow-on task.</summary>
public sealed record DispositionDraft(DispositionKind Kind, string? Note = null, DateOnly? DueDate = null);

/// <summary>A recorded disposition; <paramref name="AfterTalk"/> is the 1-based number of the talk it follows.</summary>
public sealed record Disposition(int Number, DispositionKind Kind, string? Note, DateOnly? DueDate, int AfterTalk, PersonId By,
    DateTimeOffset At, string? FormId);

/// <summary>What each disposition of 000 §四(四) needs, and which may be combined.</summary>
public static class DispositionRules
{
    /// <summary>Dispositions whose follow-on has a deadline: a task with reminders.</summary>
    public static bool NeedsDueDate(DispositionKind kind) => kind is DispositionKind.WrittenReply or DispositionKind.SelfExamination
        or DispositionKind.SecondTalk or DispositionKind.LetterInquiry or DispositionKind.PreliminaryVerification;

    /// <summary>
    /// Dispositions that need a note: what was adopted (told to the talkee, 000 §四(四)2), why the lead is closed, what
    /// the criticism was, and what the written reply must answer.
    /// </summary>
    public static bool NeedsNote(DispositionKind kind) => kind is DispositionKind.SuggestionAdopted or DispositionKind.ClosedUnfounded
        or DispositionKind.Criticism or DispositionKind.WrittenReply;

    /// <summary>The talkee owes a written submission (书面答复 / 书面检查), reviewed by the office.</summary>
    public static bool TalkeeWrites(DispositionKind kind) => kind is DispositionKind.WrittenReply or DispositionKind.SelfExamination;

    /// <summary>The discipline office owes the follow-on itself (再次谈话, 函询, 初步核实).</summary>
    public static bool OfficeTask(DispositionKind kind) => kind is DispositionKind.SecondTalk or DispositionKind.LetterInquiry
        or DispositionKind.PreliminaryVerification;

    /// <summary>Every reason the chosen dispositions cannot be recorded; empty when they can.</summary>
    public static IReadOnlyList<RuleViolation> Check(IReadOnlyList<DispositionDraft> drafts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var violations = new List<RuleViolation>();
        var chosen = drafts.DistinctBy(d => d.Kind).ToList();
        if (chosen.Count == 0)
        {
            violations.Add(new RuleViolation(RuleCode.DispositionRequired, RuleSources.Dispositions));
            return violations;
        }

        foreach (var d in chosen.OrderBy(d => d.Kind))
        {
            var kind = new Dictionary<string, string> { ["kind"] = d.Kind.ToString() };
            if (NeedsNote(d.Kind) && string.IsNullOrWhiteSpace(d.Note))
            {
                violations.Add(new RuleViolation(RuleCode.DispositionNoteRequired, RuleSources.Dispositions, Arguments: kind));
            }

            if (NeedsDueDate(d.Kind) && (d.DueDate is not { } due || due <= today))
            {
                violations.Add(new RuleViolation(RuleCode.DispositionDueDateRequired, RuleSources.Dispositions, Arguments: kind));
            }
        }

        // 了结澄清 ends the matter: it cannot stand beside a disposition that finds a problem or keeps the lead open.
        // Adopting the talkee's suggestion (000 §四(四)2) is compatible with it.
        if (chosen.Any(d => d.Kind == DispositionKind.ClosedUnfounded)
            && chosen.Any(d => d.Kind is not (DispositionKind.ClosedUnfounded or DispositionKind.SuggestionAdopted)))
        {
            violations.Add(new RuleViolation(RuleCode.DispositionsConflict, RuleSources.Dispositions));
        }

        return violations;
    }
}
