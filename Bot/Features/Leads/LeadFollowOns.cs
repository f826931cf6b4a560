using TalkBot.Bot.Features.Tasks;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Features.Leads;

/// <summary>
/// What each recorded disposition leads to (000 §四(四); Domain's <see cref="DispositionFollowOns"/>): its task opened with a
/// deadline and reminders, the talkee told of an adopted suggestion or a closure (never who raised it, 002 §五3), or the
/// admonishment proposal form sent to whoever may propose (002 §四1). Each once, however often this runs.
/// </summary>
public sealed class LeadFollowOns(LeadStore leads, TaskOpener tasks, PeopleDirectory directory, Messenger messenger, TimeProvider time) : IFollowUp<DispositionsRecorded>
{
    public async Task RunAsync(DispositionsRecorded change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await leads.GetAsync(change.Lead, cancellationToken).ConfigureAwait(false) is not { } stored
            || await directory.FindAsync(change.By, cancellationToken).ConfigureAwait(false) is not { } actor)
        {
            return;
        }

        var lead = stored.Lead;
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        foreach (var d in lead.Dispositions.Where(d => change.Numbers.Contains(d.Number)))
        {
            var key = $"disp|{lead.Id.Value}|{d.Number}";
            switch (DispositionFollowOns.For(lead, d, actor, d.At))
            {
                case DispositionFollowOn.OpenTask open:
                    await tasks.OpenAsync(open.Task, lead.OfficeUnit, people, cancellationToken).ConfigureAwait(false);
                    break;
                case DispositionFollowOn.TellSubject { Kind: DispositionKind.SuggestionAdopted } tell:
                    // 000 §四(四)2: 及时将采纳情况告知谈话对象.
                    await messenger.TellAsync(tell.Subject, l => Message(l, l.Pick("建议采纳情况", "Your suggestion"),
                        l.Pick($"您在谈话中提出的建议已被采纳：{tell.Note}", $"The suggestion you made in the talk was adopted: {tell.Note}")), cancellationToken, key).ConfigureAwait(false);
                    break;
                case DispositionFollowOn.TellSubject tell:
                    // 000 §四(四)3 with 002 §五3: the person is told the matter is closed, never who raised it.
                    await messenger.TellAsync(tell.Subject, l => Message(l, l.Pick("了结澄清", "Matter closed"),
                        l.Pick("经了解，反映的问题不实或没有证据证实，予以了结澄清（000 §四(四)3）。", "The matter was found untrue or unproven and is closed (000 §四(四)3).")),
                        cancellationToken, key).ConfigureAwait(false);
                    break;
                case DispositionFollowOn.ProposeAdmonishment propose:
                    // 000 §四(四)4 → 002 §四1: the proposal form, for whoever may propose.
                    await messenger.TellAsync(propose.To, l => ProposalFormCard.Build(new ProposalFormView(CaseId.New(time).Value, [], [],
                        people.Name(lead.Subject), lead.Subject, LeadId: lead.Id), l), cancellationToken, key).ConfigureAwait(false);
                    break;
            }
        }
    }

    private static Cards.AdaptiveCards.AdaptiveCard Message(Locale locale, string title, string text) => ReminderCard.Build(new ReminderView(title, [text]), locale);
}
