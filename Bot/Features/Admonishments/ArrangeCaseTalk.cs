using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.Hosting;
using TalkBot.Domain.Admonishments;

namespace TalkBot.Bot.Features.Admonishments;

/// <summary>安排诫勉谈话 (case.talk): the create-talk form for the approved case (002 §四3 is checked on submit).</summary>
public sealed class ArrangeCaseTalk(CaseCards cards, TalkForm form, PeopleDirectory directory) : ICardAction
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

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return await form.BuildAsync(actor, locale, null, null, null, cancellationToken, Setup(stored.Case, Responsible(people, stored.Case), locale)).ConfigureAwait(false);
    }

    /// <summary>The case's subject's 党风廉政建设责任人 (002 §四2–3), as the directory and the tiers of 000 §二 say.</summary>
    public static IReadOnlyList<Person> Responsible(PeopleLookup people, AdmonishmentCase c)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(c);
        return people.Find(c.Subject) is { } subject ? ResponsiblePersons.Of(subject, people.TiersOf(subject.Id), people.Find) : [];
    }

    public static TalkSetup Setup(AdmonishmentCase c, IReadOnlyList<Person> responsible, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(responsible);
        var names = responsible.Count > 0 ? string.Join('、', responsible.Select(p => p.DisplayName)) : null;
        var who = names is null
            ? locale.Pick("目录和层级中找不到此人的党风廉政建设责任人，请先更正角色或汇报关系。", "Neither the directory nor the tiers name this person's responsible person; correct the roles or the reporting line first.")
            : locale.Pick($"此人的党风廉政建设责任人：{names}（第一位谈话人即主谈人）。", $"Responsible person: {names} (the first talker leads the talk).");
        var lead = c.SubjectRank == Rank.Division && !c.MinorViolation
            ? locale.Pick("正处级：由责任人或纪委办、组织部门实施（002 §四2）。", "Division level: the responsible person, the discipline office or the organisation department talks (002 §四2).")
            : locale.Pick("由责任人实施（002 §四2）。", "The responsible person talks (002 §四2).");
        return new(TalkKind.Admonishment, c.Subject, new TalkFormContext(
            locale.Pick("安排诫勉谈话", "Arrange the admonishment talk"),
            (c.MinorViolation
                ? locale.Pick("有轻微违纪行为：须由两人以上（含两人）谈话，由责任人主谈，纪委办安排记录人（002 §四3）。谈话内容为 002 §三 的四个步骤。",
                    "Minor violation: at least two talkers, the responsible person leading, and a recorder from the discipline office (002 §四3). The talk follows the four steps of 002 §三.")
                : locale.Pick("未构成违纪：可由责任人单独谈话（002 §四3）。谈话内容为 002 §三 的四个步骤。",
                    "No violation: the responsible person may talk alone (002 §四3). The talk follows the four steps of 002 §三.")) + lead + who,
            new Dictionary<string, string> { [DataKeys.CaseId] = c.Id.Value },
            Verbs.CaseTalkCreate), responsible.Count > 0 ? responsible[0].Id : null);
    }
}

/// <summary>
/// 创建并发送通知书 on a case's talk form (case.talk.create): the admonishment talk, scheduled under the case's rules (002
/// §四3: its subject alone; with a minor violation at least two talkers and a recorder from the office) and the common
/// ones; once stored, the case takes it and its talkers are told the details (002 §五1).
/// </summary>
public sealed class CreateCaseTalk(CaseCards cards, TalkArranger arranger, PeopleDirectory directory, WorkingCalendar calendar, TalkOptions options, TimeProvider time)
    : ICardAction
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

        var responsible = ArrangeCaseTalk.Responsible(await directory.CurrentAsync(cancellationToken).ConfigureAwait(false), c);
        return await arranger.CreateAsync(request, TalkArrangement.Of(
            (id, draft) => c.ScheduleTalk(id, draft, actor, responsible, calendar, options.Policy, time), ArrangeCaseTalk.Setup(c, responsible, locale), @case: c.Id),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is { } stored
            ? await arranger.RefusedAsync(request, ArrangeCaseTalk.Setup(stored.Case,
                ArrangeCaseTalk.Responsible(await directory.CurrentAsync(cancellationToken).ConfigureAwait(false), stored.Case), request.Locale), refusal, cancellationToken)
                .ConfigureAwait(false)
            : CaseCards.NotFound(request.Locale);
    }
}
