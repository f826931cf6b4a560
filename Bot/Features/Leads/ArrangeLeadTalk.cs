using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Bot.Infrastructure.Hosting;
using TalkBot.Domain.Audit;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Features.Leads;

/// <summary>
/// 安排提醒谈话 (lead.talk): the create-talk form for the lead's reminder talk (000 §三2–3), fixed to its subject and to the
/// reminder kind, for the office of its level.
/// </summary>
public sealed class ArrangeLeadTalk(LeadCards cards, TalkForm form, AuditLog audit) : ICardAction
{
    public string Verb => Verbs.LeadTalk;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        if (await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return LeadCards.NotFound(locale);
        }

        var lead = stored.Lead;
        return LeadAccess.IsOfficeOf(actor, lead)
            ? await form.BuildAsync(actor, locale, null, null, null, cancellationToken, Setup(lead, locale)).ConfigureAwait(false)
            : await audit.RefuseAsync(actor, locale, AuditObject.Lead, lead.Id.Value, lead.Subject, "为这条线索安排谈话", "arrange a talk for this lead", cancellationToken)
                .ConfigureAwait(false);
    }

    public static TalkSetup Setup(Lead lead, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return new(TalkKind.Reminder, lead.Subject, new TalkFormContext(
            locale.Pick("安排廉政提醒谈话", "Arrange an integrity reminder talk"),
            locale.Pick("依据问题线索开展提醒谈话（000 §三2–3），谈话内容为 000 §四(三) 的三个步骤。通知书须提前2个工作日送达（000 §四(一)3）。",
                "A reminder talk on a lead (000 §三2–3) follows the three steps of 000 §四(三). The notice must reach the talkee 2 working days ahead (000 §四(一)3)."),
            new Dictionary<string, string> { [DataKeys.LeadId] = lead.Id.Value },
            Verbs.LeadTalkCreate));
    }
}

/// <summary>
/// 创建并发送通知书 on a lead's talk form (lead.talk.create): the reminder talk, scheduled under the lead's rules (000
/// §三2–3: its subject alone) and the common ones; once stored, the lead takes it and its talkers are briefed.
/// </summary>
public sealed class CreateLeadTalk(LeadCards cards, TalkArranger arranger, AuditLog audit, WorkingCalendar calendar, TalkOptions options, TimeProvider time) : ICardAction
{
    public string Verb => Verbs.LeadTalkCreate;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        if (await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return LeadCards.NotFound(locale);
        }

        var lead = stored.Lead;
        if (!LeadAccess.IsOfficeOf(actor, lead))
        {
            return await audit.RefuseAsync(actor, locale, AuditObject.Lead, lead.Id.Value, lead.Subject, "为这条线索安排谈话", "arrange a talk for this lead", cancellationToken)
                .ConfigureAwait(false);
        }

        return await arranger.CreateAsync(request, TalkArrangement.Of(
            (id, draft) => lead.ScheduleReminderTalk(id, draft, actor, calendar, options.Policy, time), ArrangeLeadTalk.Setup(lead, locale), lead: lead.Id),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is { } stored
            ? await arranger.RefusedAsync(request, ArrangeLeadTalk.Setup(stored.Lead, request.Locale), refusal, cancellationToken).ConfigureAwait(false)
            : LeadCards.NotFound(request.Locale);
    }
}
