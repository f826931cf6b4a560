using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.Hosting;
using TalkBot.Domain.Admonishments;

namespace TalkBot.Bot.Features.Admonishments;

/// <summary>安排诫勉谈话 (case.talk): the create-talk form for the approved case (002 §四3 is checked on submit).</summary>
public sealed class ArrangeCaseTalk(CaseCards cards, TalkForm form) : ICardAction
{
    public string Verb => Verbs.CaseTalk;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        if (await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return CaseCards.NotFound(locale);
        }

        if (AdmonishmentAccess.CheckArrangeTalk(actor, stored.Case) is { } refused)
        {
            return refused.Code == RuleCode.NotPermitted
                ? RefusalCard.Build(locale, locale.Pick("安排这次诫勉谈话", "arrange this admonishment talk"))
                : RuleViolationCard.Build([refused], locale);
        }

        return await form.BuildAsync(actor, locale, null, null, null, cancellationToken, Setup(stored.Case, locale)).ConfigureAwait(false);
    }

    public static TalkSetup Setup(AdmonishmentCase c, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(TalkKind.Admonishment, c.Subject, new TalkFormContext(
            locale.Pick("安排诫勉谈话", "Arrange the admonishment talk"),
            c.MinorViolation
                ? locale.Pick("有轻微违纪行为：须由两人以上（含两人）谈话，由责任人主谈，纪委办安排记录人（002 §四3）。谈话内容为 002 §三 的四个步骤。",
                    "Minor violation: at least two talkers, the responsible person leading, and a recorder from the discipline office (002 §四3). The talk follows the four steps of 002 §三.")
                : locale.Pick("未构成违纪：可由责任人单独谈话（002 §四3）。谈话内容为 002 §三 的四个步骤。",
                    "No violation: the responsible person may talk alone (002 §四3). The talk follows the four steps of 002 §三."),
            new Dictionary<string, string> { [DataKeys.CaseId] = c.Id.Value },
            Verbs.CaseTalkCreate));
    }
}

/// <summary>
/// 创建并发送通知书 on a case's talk form (case.talk.create): the admonishment talk, scheduled under the case's rules (002
/// §四3: its subject alone; with a minor violation at least two talkers and a recorder from the office) and the common
/// ones; once stored, the case takes it and its talkers are told the details (002 §五1).
/// </summary>
public sealed class CreateCaseTalk(CaseCards cards, TalkArranger arranger, WorkingCalendar calendar, TalkOptions options, TimeProvider time) : ICardAction
{
    public string Verb => Verbs.CaseTalkCreate;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        if (await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return CaseCards.NotFound(locale);
        }

        var c = stored.Case;
        if (!AdmonishmentAccess.IsOfficeOf(actor, c))
        {
            return RefusalCard.Build(locale, locale.Pick("安排这次诫勉谈话", "arrange this admonishment talk"));
        }

        return await arranger.CreateAsync(request, new TalkArrangement(
            (id, draft) => c.ScheduleTalk(id, draft, actor, calendar, options.Policy, time), ArrangeCaseTalk.Setup(c, locale), Case: c.Id), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is { } stored
            ? await arranger.RefusedAsync(request, ArrangeCaseTalk.Setup(stored.Case, request.Locale), refusal, cancellationToken).ConfigureAwait(false)
            : CaseCards.NotFound(request.Locale);
    }
}
