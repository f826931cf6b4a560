using TalkBot.Bot.Features.Records;
using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Rectifications;
using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Features.Rectifications;

/// <summary>
/// Once a record is logged, a rectification opens for every talkee whose part requires one and who has none yet, due 3
/// days after the talk ended (000 §四(一)5: the days run from the talk, not from the verification), with its reminders,
/// and the talkee gets the report form; the talk's ledger rows show the report's light. A revision finds them open
/// already and changes nothing.
/// </summary>
public sealed class RectificationOpening(TalkStore talks, RecordStore records, RectificationStore rectifications, RectificationCards cards,
    RectificationReminders reminders, PeopleDirectory directory, Messenger messenger, ReminderRules rules, TimeProvider time, Tab.TalkLedgerRows ledger)
    : IFollowUp<RecordLogged>
{
    public async Task RunAsync(RecordLogged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is not { } talk
            || await records.GetAsync(talk, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return;
        }

        var content = stored.Record.Current.Content;
        PeopleLookup? people = null;
        var opened = false;
        foreach (var part in content.Parts.Where(p => p.RectificationRequired && p.RectificationItems.Count > 0))
        {
            var r = await rectifications.GetAsync(talk.Id, part.Talkee, cancellationToken).ConfigureAwait(false) is { } open
                ? open.Rectification
                : Rectification.Open(talk.Id, part.Talkee, part.RectificationItems, rules.RectificationDueDate(content.EndedAt!.Value), time.GetUtcNow());
            if (r.Reports.Count > 0)
            {
                continue;
            }

            // Opened here, or by a run of this follow-up that broke off: the reminders and the form are keyed, so once each.
            await rectifications.CreateAsync(r, cancellationToken).ConfigureAwait(false);
            await reminders.PlanAsync(r, cancellationToken).ConfigureAwait(false);
            opened = true;
            people ??= await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
            await messenger.TellAsync(part.Talkee, l => RectificationCard.Build(cards.View(talk, r, people, RectificationCardMode.Report,
                l.Pick($"请于{DateText.Date(r.DueDate, l)}前上报整改措施落实情况。", $"Please report the measures taken by {DateText.Date(r.DueDate, l)}.")), l),
                cancellationToken, $"rect|{talk.Id.Value}|{part.Talkee.Value}").ConfigureAwait(false);
        }

        if (opened)
        {
            await ledger.WriteAsync(talk.Id, cancellationToken).ConfigureAwait(false);
        }
    }
}
