using TalkBot.Domain.Rules;

namespace TalkBot.Domain.Talks;

public enum NoticeStatus
{
    /// <summary>Written, not yet delivered.</summary>
    Created,
    /// <summary>Delivered to the talkee's Teams chat.</summary>
    Sent,
    /// <summary>Delivery failed (the talkee has no conversation with the bot, for instance).</summary>
    Unreachable,
    /// <summary>The talkee confirmed receipt (确认收到).</summary>
    Acknowledged,
    /// <summary>The talkee asked to postpone, with a reason; the organiser decides (000 §四(五)1).</summary>
    PostponementRequested,
    /// <summary>The organiser refused the postponement, with a reason: the talkee attends at the notified time (000 §四(五)1).</summary>
    PostponementRefused,
}

/// <summary>The organiser's decision on a postponement (000 §四(五)1): by whom, when, and the reason of a refusal.</summary>
public sealed record PostponementDecision(bool Approved, PersonId By, DateTimeOffset At, string? Reason, string RequestReason);

/// <summary>
/// The 《层级廉政谈话通知书》 for one talkee of one talk (000 §四(一)3).
/// <para>
/// Delivery (Created → Sent | Unreachable) is reported by the bot; the answer (Acknowledged |
/// PostponementRequested) comes from the talkee alone. The rules, and why:
/// </para>
/// <list type="bullet">
/// <item>The talkee may answer a notice that is still Created or Unreachable: they can open it through the
/// "my notices" command when the push failed, and answering proves that it reached them.</item>
/// <item>Acknowledging after asking to postpone withdraws the request: the talkee now agrees to attend at the
/// notified time, which is their duty (000 §四(五)1), so nothing is lost by accepting it.</item>
/// <item>Asking to postpone after acknowledging is allowed: circumstances change after receipt, and a request
/// only asks the organiser, who decides. It always needs a reason (000 §四(五)1: 不准无故推诿、拖延).</item>
/// <item>A repeated identical action changes nothing (Teams retries invokes; people double-click): a second
/// acknowledgement keeps the first time; the same postponement reason again keeps the first request.</item>
/// <item>Delivery reports never undo an answer or a delivery: a late "sent" after the talkee has answered only
/// fills in the delivery time, and a failed re-push of a delivered notice changes nothing.</item>
/// </list>
/// </summary>
public sealed partial class Notice
{
    private Notice(
        TalkId talkId,
        PersonId talkee,
        NoticeStatus status,
        DateTimeOffset createdAt,
        DateTimeOffset? sentAt,
        string? unreachableReason,
        DateTimeOffset? acknowledgedAt,
        DateTimeOffset? postponementRequestedAt,
        string? postponementReason)
    {
        TalkId = talkId;
        Talkee = talkee;
        Status = status;
        CreatedAt = createdAt;
        SentAt = sentAt;
        UnreachableReason = unreachableReason;
        AcknowledgedAt = acknowledgedAt;
        PostponementRequestedAt = postponementRequestedAt;
        PostponementReason = postponementReason;
    }

    /// <summary>1 for the first notice; each move of the talk issues the next (<see cref="Reissue"/>).</summary>
    public int Version { get; private set; } = 1;

    /// <summary>The last decision on a postponement this talkee asked, kept when the notice is issued again.</summary>
    public PostponementDecision? Decision { get; private set; }

    public TalkId TalkId { get; }
    public PersonId Talkee { get; }
    public NoticeStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? UnreachableReason { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public DateTimeOffset? PostponementRequestedAt { get; private set; }
    public string? PostponementReason { get; private set; }

    /// <summary>Whether the talkee has answered (acknowledged or asked to postpone).</summary>
    public bool IsAnswered => Status is NoticeStatus.Acknowledged or NoticeStatus.PostponementRequested;

    /// <summary>One notice per talkee of the talk, in the order of the talkees.</summary>
    public static IReadOnlyList<Notice> For(Talk talk, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return [.. talk.Talkees.Select(talkee => new Notice(talk.Id, talkee, NoticeStatus.Created, now, null, null, null, null, null))];
    }

    /// <summary>Rebuilds a stored notice as it was; no rule is checked again.</summary>
    public static Notice Restore(
        TalkId talkId,
        PersonId talkee,
        NoticeStatus status,
        DateTimeOffset createdAt,
        DateTimeOffset? sentAt = null,
        string? unreachableReason = null,
        DateTimeOffset? acknowledgedAt = null,
        DateTimeOffset? postponementRequestedAt = null,
        string? postponementReason = null,
        int version = 1,
        PostponementDecision? decision = null) =>
        new(talkId, talkee, status, createdAt, sentAt, unreachableReason, acknowledgedAt, postponementRequestedAt, postponementReason)
        {
            Version = version,
            Decision = decision,
        };

    /// <summary>The notice reached the talkee's chat.</summary>
    /// <returns>Whether anything changed.</returns>
    public bool MarkSent(DateTimeOffset at)
    {
        switch (Status)
        {
            case NoticeStatus.Created or NoticeStatus.Unreachable:
                Status = NoticeStatus.Sent;
                SentAt = at;
                UnreachableReason = null;
                return true;
            case NoticeStatus.Sent:
                // A re-push (000 §四(一)3 reminders) keeps the time of the first delivery.
                return false;
            default:
                if (SentAt is not null)
                {
                    return false;
                }

                SentAt = at;
                return true;
        }
    }

    /// <summary>Delivery failed.</summary>
    /// <returns>Whether anything changed.</returns>
    public bool MarkUnreachable(string reason)
    {
        var text = string.IsNullOrWhiteSpace(reason) ? "unknown" : reason.Trim();
        switch (Status)
        {
            case NoticeStatus.Created:
                Status = NoticeStatus.Unreachable;
                UnreachableReason = text;
                return true;
            case NoticeStatus.Unreachable when UnreachableReason != text:
                UnreachableReason = text;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The talkee confirms receipt (确认收到).</summary>
    /// <returns>Whether anything changed; false when the notice was already acknowledged.</returns>
    /// <exception cref="DomainRuleException">The actor is not the talkee.</exception>
    public bool Acknowledge(PersonId actor, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        EnsureTalkee(actor);
        if (Status == NoticeStatus.Acknowledged)
        {
            return false;
        }

        // From PostponementRequested this withdraws the request (see the class remarks).
        Status = NoticeStatus.Acknowledged;
        AcknowledgedAt = time.GetUtcNow();
        PostponementRequestedAt = null;
        PostponementReason = null;
        return true;
    }

    /// <summary>The talkee asks to postpone the talk, giving a reason (000 §四(五)1); the organiser decides.</summary>
    /// <returns>Whether anything changed; false for the same request again.</returns>
    /// <exception cref="DomainRuleException">The actor is not the talkee, or the reason is blank.</exception>
    public bool RequestPostponement(PersonId actor, string? reason, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var violations = new List<RuleViolation>();
        if (actor != Talkee)
        {
            violations.Add(NotTalkee());
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            violations.Add(new RuleViolation(RuleCode.PostponementReasonRequired, RuleSources.TalkeeDuties));
        }

        if (violations.Count > 0)
        {
            throw new DomainRuleException(violations);
        }

        var text = reason!.Trim();
        if (Status == NoticeStatus.PostponementRequested && PostponementReason == text)
        {
            return false;
        }

        // A different reason while a request is open amends it: the organiser sees the latest wording.
        Status = NoticeStatus.PostponementRequested;
        PostponementRequestedAt = time.GetUtcNow();
        PostponementReason = text;
        AcknowledgedAt = null;
        return true;
    }

    private void EnsureTalkee(PersonId actor)
    {
        if (actor != Talkee)
        {
            throw new DomainRuleException(NotTalkee());
        }
    }

    // 000 §四(一)3: the notice is addressed to the talkee; only they can answer it.
    private static RuleViolation NotTalkee() =>
        new(RuleCode.NotPermitted, RuleSources.Notice, Arguments: new Dictionary<string, string> { ["action"] = "answer-notice" });
}
