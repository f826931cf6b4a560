using TalkBot.Bot.Handlers;
using TalkBot.Bot.Talks;
using TalkBot.Cards;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Bot.Cases;

/// <summary>
/// A talk arranged for a lead (a reminder talk, 000 §三2–3) or an admonishment case (002 §四3): the form it is arranged
/// with, the rules it is scheduled under, and what is stored and sent once it exists.
/// </summary>
public sealed class TalkPurpose
{
    internal TalkPurpose(TalkSetup setup, StoredLead? lead, StoredCase? stored)
    {
        Setup = setup;
        Lead = lead;
        Case = stored;
    }

    public TalkSetup Setup { get; }
    public StoredLead? Lead { get; }
    public StoredCase? Case { get; }

    /// <summary>
    /// Schedules the talk under the lead's or the case's rules as well as the common ones, and attaches it to the lead or
    /// case in memory (saved by <see cref="CaseTalks.AttachAsync"/> once the talk is stored).
    /// </summary>
    /// <exception cref="DomainRuleException">Every rule broken.</exception>
    public Talk Schedule(TalkId id, TalkDraft draft, Person organiser, WorkingCalendar calendar, NoticePolicy policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Case is { } stored)
        {
            var talk = stored.Case.ScheduleTalk(id, draft, organiser, calendar, policy, time);
            stored.Case.AttachTalk(talk.Id);
            return talk;
        }

        var lead = Lead!.Lead;
        var violations = new List<RuleViolation>();
        var talkees = draft.Talkees.Select(p => p.Id).Distinct().ToList();
        if (talkees.Count != 1 || talkees[0] != lead.Subject)
        {
            violations.Add(new RuleViolation(RuleCode.TalkeeNotSubject, RuleSources.ReminderTalk));
        }

        Talk? scheduled = null;
        try
        {
            scheduled = Talk.Schedule(id, draft with { Kind = TalkKind.Reminder }, organiser, calendar, policy, time);
            lead.AttachTalk(id);
        }
        catch (DomainRuleException e)
        {
            violations.AddRange(e.Violations);
        }

        return violations.Count > 0 ? throw new DomainRuleException(violations) : scheduled!;
    }
}

/// <summary>Resolves the lead or case a create-talk submit names, and stores the link once the talk exists.</summary>
public sealed class CaseTalks(CaseKit kit, AdmonishmentDesk admonishments)
{
    /// <summary>
    /// The purpose the data names (leadId or caseId), or null for an ordinary talk. A lead or case the actor may not
    /// arrange a talk for gives a refusal card instead.
    /// </summary>
    public async Task<(TalkPurpose? Purpose, AdaptiveCard? Refusal)> ResolveAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        if (request.Text(DataKeys.LeadId) is { } leadText)
        {
            if (!LeadId.TryParse(leadText, out var leadId) || await kit.Store.GetLeadAsync(leadId, cancellationToken).ConfigureAwait(false) is not { } lead)
            {
                return (null, CaseKit.NotFound(locale, "问题线索", "Lead"));
            }

            return LeadAccess.IsOfficeOf(actor, lead.Lead)
                ? (new TalkPurpose(ForLead(lead.Lead, locale), lead, null), null)
                : (null, await kit.RefuseAsync(actor, locale, Domain.Audit.AuditObject.Lead, lead.Lead.Id.Value, lead.Lead.Subject,
                    "为这条线索安排谈话", "arrange a talk for this lead", cancellationToken).ConfigureAwait(false));
        }

        if (request.Text(DataKeys.CaseId) is { } caseText)
        {
            if (!CaseId.TryParse(caseText, out var caseId) || await kit.Store.GetCaseAsync(caseId, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return (null, CaseKit.NotFound(locale, "诫勉谈话", "Admonishment"));
            }

            return AdmonishmentDesk.IsOfficeOf(actor, stored.Case)
                ? (new TalkPurpose(ForCase(stored.Case, locale), null, stored), null)
                : (null, RefusalCard.Build(locale, locale.Pick("安排这次诫勉谈话", "arrange this admonishment talk")));
        }

        return (null, null);
    }

    public static TalkSetup ForLead(Lead lead, Locale locale) => new(TalkKind.Reminder, lead.Subject, new TalkFormContext(
        locale.Pick("安排廉政提醒谈话", "Arrange an integrity reminder talk"),
        locale.Pick("依据问题线索开展提醒谈话（000 §三2–3），谈话内容为 000 §四(三) 的三个步骤。通知书须提前2个工作日送达（000 §四(一)3）。",
            "A reminder talk on a lead (000 §三2–3) follows the three steps of 000 §四(三). The notice must reach the talkee 2 working days ahead (000 §四(一)3)."),
        new Dictionary<string, string> { [DataKeys.LeadId] = lead.Id.Value }));

    public static TalkSetup ForCase(AdmonishmentCase c, Locale locale) => new(TalkKind.Admonishment, c.Subject, new TalkFormContext(
        locale.Pick("安排诫勉谈话", "Arrange the admonishment talk"),
        c.MinorViolation
            ? locale.Pick("有轻微违纪行为：须由两人以上（含两人）谈话，由责任人主谈，纪委办安排记录人（002 §四3）。谈话内容为 002 §三 的四个步骤。",
                "Minor violation: at least two talkers, the responsible person leading, and a recorder from the discipline office (002 §四3). The talk follows the four steps of 002 §三.")
            : locale.Pick("未构成违纪：可由责任人单独谈话（002 §四3）。谈话内容为 002 §三 的四个步骤。",
                "No violation: the responsible person may talk alone (002 §四3). The talk follows the four steps of 002 §三."),
        new Dictionary<string, string> { [DataKeys.CaseId] = c.Id.Value }));

    /// <summary>
    /// Once the talk is stored: the lead or case is saved with it (read again and re-applied on a concurrent change), the
    /// talk is linked to it, and the talkers are briefed on the problem (002 §五1) — for a lead never on who reported it
    /// (002 §五8).
    /// </summary>
    public async Task AttachAsync(TalkPurpose purpose, Talk talk, PeopleLookup people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(talk);
        var lead = purpose.Lead;
        var stored = purpose.Case;
        for (var attempt = 1; attempt <= CaseKit.MaxAttempts; attempt++)
        {
            bool saved;
            if (lead is not null)
            {
                saved = await kit.Store.SaveLeadAsync(lead, lead.Lead.Dispositions.Count, cancellationToken).ConfigureAwait(false);
                if (!saved && await kit.Store.GetLeadAsync(lead.Lead.Id, cancellationToken).ConfigureAwait(false) is { } again)
                {
                    again.Lead.AttachTalk(talk.Id);
                    lead = again;
                }
            }
            else
            {
                saved = await kit.Store.SaveCaseAsync(stored!, stored!.Case.Checks.Count, cancellationToken).ConfigureAwait(false);
                if (!saved && await kit.Store.GetCaseAsync(stored.Case.Id, cancellationToken).ConfigureAwait(false) is { } again)
                {
                    again.Case.AttachTalk(talk.Id);
                    stored = again;
                }
            }

            if (saved)
            {
                break;
            }
        }

        await kit.Store.LinkTalkAsync(talk.Id, lead?.Lead.Id, stored?.Case.Id, cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            // 002 §五1: before the talk the responsible person is told the details of the problem.
            var c = stored.Case;
            await kit.Messenger.TellEachAsync(talk.Talkers.Where(t => t != c.Subject), (_, loc) => CaseCard.Build(admonishments.View(c, people, CaseCardMode.View,
                loc.Pick("谈话前，请了解有关问题的详细情况（002 §五1）。", "Before the talk, please read the details of the problem (002 §五1).")), loc),
                cancellationToken, "brief|" + talk.Id.Value).ConfigureAwait(false);
        }

        if (lead is not null && lead.Lead.Talks.Count > 1)
        {
            await CompleteSecondTalkTasksAsync(lead.Lead, talk, cancellationToken).ConfigureAwait(false);
        }

        if (lead is not null)
        {
            var l = lead.Lead;
            await kit.Messenger.TellEachAsync(talk.Talkers.Where(t => t != l.Subject), (_, loc) => LeadCard.Build(
                LeadDesk.Briefing(l, people, kit.Calendar, loc.Pick("谈话前，请了解反映的问题（002 §五1）。", "Before the talk, please read the problem reported (002 §五1).")), loc),
                cancellationToken, "brief|" + talk.Id.Value).ConfigureAwait(false);
        }
    }

    // 000 §四(四)5: the office's 再次谈话 task is done once its organiser has arranged the second talk.
    private async Task CompleteSecondTalkTasksAsync(Lead lead, Talk talk, CancellationToken cancellationToken)
    {
        var open = (await kit.Store.ListTasksAsync(lead.Id.Value, cancellationToken).ConfigureAwait(false))
            .Where(t => t.Kind == Domain.FollowUps.CaseTaskKind.SecondTalk && t.AwaitsSubmission && t.Assignee == talk.Organiser);
        foreach (var task in open)
        {
            for (var attempt = 1; attempt <= CaseKit.MaxAttempts; attempt++)
            {
                if (await kit.Store.GetTaskAsync(task.Id, cancellationToken).ConfigureAwait(false) is not { } stored
                    || !stored.Task.Submit(talk.Organiser, $"已安排再次谈话：{DateText.DateTime(kit.Calendar.ToLocal(talk.ScheduledAt), Locale.ZhCn)}，{talk.Place}", "talk|" + talk.Id.Value,
                        kit.Today, kit.Now)
                    || await kit.Store.SaveTaskAsync(stored, stored.Task.Submissions.Count - 1, stored.Task.Reviews.Count, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
    }

    /// <summary>A retried submit found the talk already stored: the link is made again, which changes nothing if it was.</summary>
    public async Task ReattachAsync(TalkPurpose purpose, Talk talk, PeopleLookup people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        var changed = purpose.Lead is { } lead ? SafeAttach(() => lead.Lead.AttachTalk(talk.Id))
            : purpose.Case is { } c && SafeAttach(() => c.Case.AttachTalk(talk.Id));
        if (changed)
        {
            await AttachAsync(purpose, talk, people, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool SafeAttach(Func<bool> attach)
    {
        try
        {
            return attach();
        }
        catch (DomainRuleException)
        {
            return false;
        }
    }
}
