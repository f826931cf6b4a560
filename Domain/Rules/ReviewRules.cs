namespace TalkBot.Domain.Rules;

/// <summary>
/// Reviewing the latest of a series of submissions (a rectification report, a written reply, a self-examination):
/// the same decision again is a no-op, a different one or an outdated one is refused, and a return says why and
/// sets a new due date after today.
/// </summary>
public static class ReviewRules
{
    /// <param name="number">The submission the reviewer answers.</param>
    /// <param name="latest">The latest submission's number (0 when there is none).</param>
    /// <param name="decided">The decision already taken on the latest submission, if any.</param>
    /// <param name="awaitingReview">Whether the latest submission waits for its review.</param>
    /// <param name="state">The current state, named in a refusal.</param>
    /// <param name="comment">The comment, already trimmed to null when blank.</param>
    /// <returns>True when the review is to be added; false when the same decision stands already.</returns>
    /// <exception cref="DomainRuleException">An outdated or contrary review, or a return without comment or new due date.</exception>
    public static bool IsNew(int number, int latest, bool? decided, bool awaitingReview, string state, bool accept, string? comment, DateOnly? newDueDate,
        DateOnly today, string source)
    {
        if (latest > 0 && number == latest && decided is { } done)
        {
            return done == accept ? false : throw new DomainRuleException(RuleViolation.InvalidState(state, source));
        }

        if (latest == 0 || number != latest || !awaitingReview)
        {
            throw new DomainRuleException(RuleViolation.InvalidState(state, source));
        }

        if (accept)
        {
            return true;
        }

        var violations = new List<RuleViolation>();
        if (comment is null)
        {
            violations.Add(new RuleViolation(RuleCode.ReturnCommentRequired, source));
        }

        if (newDueDate is not { } due || due <= today)
        {
            violations.Add(new RuleViolation(RuleCode.NewDueDateRequired, source));
        }

        return violations.Count > 0 ? throw new DomainRuleException(violations) : true;
    }
}
