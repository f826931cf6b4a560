using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Domain.Records;

public enum RecordStatus
{
    /// <summary>Logged; at least one talkee has not yet verified their part (本人核实, 002 §五7).</summary>
    AwaitingVerification,
    /// <summary>A talkee disputed their part; the recorder revises it into a new version.</summary>
    Disputed,
    /// <summary>Every talkee confirmed; this version can no longer change.</summary>
    Verified,
}

public enum VerificationDecision
{
    /// <summary>确认无误</summary>
    Confirmed,
    /// <summary>有异议</summary>
    Disputed,
}

/// <summary>One talkee's answer to one version of the record.</summary>
public sealed record Verification(PersonId Talkee, VerificationDecision Decision, string? Comment, DateTimeOffset At);

/// <summary>
/// One version of a record: what was logged, by whom and when, and what changed from the previous version.
/// Its content never changes once written; only talkees' verifications are added to it.
/// </summary>
public sealed class RecordVersion
{
    private readonly Dictionary<PersonId, Verification> verifications;

    private RecordVersion(int number, RecordContent content, PersonId author, DateTimeOffset at, string? formId,
        IReadOnlyList<string> changedFields, IEnumerable<Verification> verifications)
    {
        Number = number;
        Content = content;
        Author = author;
        At = at;
        FormId = formId;
        ChangedFields = changedFields;
        this.verifications = verifications.ToDictionary(v => v.Talkee);
    }

    public int Number { get; }
    public RecordContent Content { get; }
    public PersonId Author { get; }
    public DateTimeOffset At { get; }

    /// <summary>The form this version was submitted from: a repeated submit of one form adds no version.</summary>
    public string? FormId { get; }

    /// <summary>Fields that differ from the previous version (empty for the first).</summary>
    public IReadOnlyList<string> ChangedFields { get; }

    public IReadOnlyCollection<Verification> Verifications => verifications.Values;

    public Verification? VerificationBy(PersonId talkee) => verifications.GetValueOrDefault(talkee);

    public static RecordVersion Restore(int number, RecordContent content, PersonId author, DateTimeOffset at, string? formId,
        IReadOnlyList<string> changedFields, IEnumerable<Verification> verifications)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return new(number, content, author, at, formId, [.. changedFields], verifications);
    }

    internal RecordStatus StatusFor(IReadOnlyList<PersonId> talkees) =>
        verifications.Values.Any(v => v.Decision == VerificationDecision.Disputed) ? RecordStatus.Disputed
        : talkees.All(t => verifications.TryGetValue(t, out var v) && v.Decision == VerificationDecision.Confirmed) ? RecordStatus.Verified
        : RecordStatus.AwaitingVerification;

    internal void Add(Verification verification) => verifications.Add(verification.Talkee, verification);
}

/// <summary>
/// The 《层级廉政谈话登记表》 of one talk (000 §四(一)4) as a chain of versions. The recorder logs it; each talkee
/// verifies their part (本人核实, 002 §五7) by confirming it or disputing it with a comment; a dispute sends it back
/// to the recorder, whose revision is a new version that is verified again. A verified version is immutable: a later
/// correction is a new version and the old one is kept (SPEC §6).
/// </summary>
public sealed class TalkRecord
{
    private readonly List<RecordVersion> versions;

    private TalkRecord(TalkId talkId, TalkKind kind, IReadOnlyList<PersonId> talkees, IEnumerable<RecordVersion> versions)
    {
        TalkId = talkId;
        Kind = kind;
        Talkees = talkees;
        this.versions = [.. versions.OrderBy(v => v.Number)];
    }

    public TalkId TalkId { get; }
    public TalkKind Kind { get; }
    public IReadOnlyList<PersonId> Talkees { get; }
    public IReadOnlyList<RecordVersion> Versions => versions;
    public RecordVersion Current => versions[^1];
    public RecordStatus Status => Current.StatusFor(Talkees);

    /// <summary>Logs the first version of the record of a talk that took place.</summary>
    /// <exception cref="DomainRuleException">The content breaks a rule of <see cref="RecordRules"/>.</exception>
    public static TalkRecord Log(Talk talk, RecordContent content, PersonId author, string? formId, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var content1 = Validated(talk, content, now);
        return new TalkRecord(talk.Id, talk.Kind, talk.Talkees, [RecordVersion.Restore(1, content1, author, now, formId, [], [])]);
    }

    public static TalkRecord Restore(TalkId talkId, TalkKind kind, IReadOnlyList<PersonId> talkees, IReadOnlyList<RecordVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(talkees);
        ArgumentNullException.ThrowIfNull(versions);
        if (versions.Count == 0)
        {
            throw new ArgumentException("A stored record has at least one version.", nameof(versions));
        }

        return new TalkRecord(talkId, kind, [.. talkees], versions);
    }

    /// <summary>
    /// Adds a new version: the answer to a dispute, or a correction of a verified record. The new version must be
    /// verified again. A repeated submit of the same form, or content identical to the current version while it is
    /// not disputed, changes nothing.
    /// </summary>
    /// <returns>Whether a version was added.</returns>
    /// <exception cref="DomainRuleException">The content breaks a rule; nothing changes.</exception>
    public bool Revise(Talk talk, RecordContent content, PersonId author, string? formId, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(time);
        if (talk.Id != TalkId)
        {
            throw new ArgumentException("The talk is not this record's.", nameof(talk));
        }

        if (formId is not null && versions.Any(v => v.FormId == formId))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var checkedContent = Validated(talk, content, now);
        if (Status != RecordStatus.Disputed && checkedContent.SameAs(Current.Content))
        {
            return false;
        }

        versions.Add(RecordVersion.Restore(Current.Number + 1, checkedContent, author, now, formId, checkedContent.ChangedFrom(Current.Content), []));
        return true;
    }

    /// <summary>
    /// A talkee confirms (确认无误) or disputes (有异议, with a comment) their part of the current version. The same
    /// answer again changes nothing; a different answer to a version already answered is refused, as is an answer
    /// to a version that has been superseded since the card was sent.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    /// <exception cref="DomainRuleException">Not a talkee of this record, an old version, a dispute without a
    /// comment, or a changed answer.</exception>
    public bool Verify(PersonId talkee, int version, VerificationDecision decision, string? comment, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (!Talkees.Contains(talkee))
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.NotPermitted, RuleSources.Verification));
        }

        if (version != Current.Number)
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.RecordSuperseded, RuleSources.Verification,
                Arguments: new Dictionary<string, string> { ["version"] = Current.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        }

        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (Current.VerificationBy(talkee) is { } earlier)
        {
            return earlier.Decision == decision
                ? false
                : throw new DomainRuleException(new RuleViolation(RuleCode.AlreadyVerified, RuleSources.Verification,
                    Arguments: new Dictionary<string, string> { ["state"] = earlier.Decision.ToString() }));
        }

        if (decision == VerificationDecision.Disputed && comment is null)
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.DisputeCommentRequired, RuleSources.Verification));
        }

        Current.Add(new Verification(talkee, decision, decision == VerificationDecision.Disputed ? comment : null, time.GetUtcNow()));
        return true;
    }

    private static RecordContent Validated(Talk talk, RecordContent content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        var violations = RecordRules.Check(talk, content, now);
        if (violations.Count > 0)
        {
            throw new DomainRuleException(violations);
        }

        // Parts follow the talk's talkees, so versions compare field by field.
        return content with
        {
            Place = content.Place!.Trim(),
            Parts = [.. talk.Talkees.Select(t => Tidy(content.PartOf(t) ?? new TalkeePart(t, null, null, null, false, [])))],
        };
    }

    private static TalkeePart Tidy(TalkeePart part) => part with
    {
        Problems = Trimmed(part.Problems),
        Explanation = Trimmed(part.Explanation),
        Requirements = Trimmed(part.Requirements),
        RectificationItems = part.RectificationRequired
            ? [.. part.RectificationItems.Select(i => i.Trim()).Where(i => i.Length > 0)]
            : [],
    };

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
